/**
 * The browser script of the API reference page: fetches /openapi.json and renders it with DOM
 * calls only (text is never parsed as HTML). Kept as plain ES2017 so any browser runs it.
 */
export const REFERENCE_SCRIPT = `
(function () {
  var main = document.getElementById("content");
  var nav = document.getElementById("toc");
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (var key in attrs || {}) node.setAttribute(key, attrs[key]);
    return node;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function slug(text) { return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-"); }
  function refName(ref) { return ref.split("/").pop(); }
  function typeOf(s) {
    if (!s) return "any";
    if (s.$ref) return refName(s.$ref);
    if (s.enum) return "one of: " + s.enum.join(", ");
    if (s.const !== undefined) return JSON.stringify(s.const);
    if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(typeOf).join(" or ");
    if (s.type === "array") return "array of " + typeOf(s.items);
    var t = Array.isArray(s.type) ? s.type.join(" or ") : s.type || "object";
    return s.format ? t + " (" + s.format + ")" : t;
  }
  function limits(s) {
    var out = [];
    if (!s) return "";
    if (s.minimum !== undefined) out.push("min " + s.minimum);
    if (s.maximum !== undefined) out.push("max " + s.maximum);
    if (s.minLength !== undefined) out.push("min length " + s.minLength);
    if (s.maxLength !== undefined) out.push("max length " + s.maxLength);
    if (s.pattern) out.push("pattern " + s.pattern);
    if (s["default"] !== undefined) out.push("default " + JSON.stringify(s["default"]));
    return out.join("; ");
  }
  function typeCell(s) {
    var cell = el("td");
    if (s && s.$ref) add(cell, el("a", refName(s.$ref), { href: "#schema-" + slug(refName(s.$ref)) }));
    else if (s && s.type === "array" && s.items && s.items.$ref) {
      cell.appendChild(document.createTextNode("array of "));
      add(cell, el("a", refName(s.items.$ref), { href: "#schema-" + slug(refName(s.items.$ref)) }));
    } else cell.textContent = typeOf(s);
    return cell;
  }
  function table(caption, headings, rows) {
    var t = el("table"); add(t, el("caption", caption));
    var head = add(add(t, el("thead")), el("tr"));
    headings.forEach(function (h) { add(head, el("th", h, { scope: "col" })); });
    var body = add(t, el("tbody"));
    rows.forEach(function (cells) {
      var tr = add(body, el("tr"));
      cells.forEach(function (c, i) {
        var cell = c instanceof Node ? c : el(i === 0 ? "th" : "td", c, i === 0 ? { scope: "row" } : {});
        add(tr, cell);
      });
    });
    return t;
  }
  function schemaBlock(s, caption) {
    if (!s) return el("p", "No body.");
    var props = s.properties;
    var variants = s.anyOf || s.oneOf;
    if (!props && variants) {
      var box = el("div"); add(box, el("p", caption + ": one of"));
      var list = add(box, el("ul"));
      variants.forEach(function (v, i) { add(add(list, el("li")), schemaBlock(v, "Variant " + (i + 1))); });
      return box;
    }
    if (!props) { var p = el("p", caption + ": "); add(p, typeCell(s).firstChild || el("span", typeOf(s))); return p; }
    var required = s.required || [];
    return table(caption, ["Field", "Type", "Required", "Notes"], Object.keys(props).map(function (name) {
      var ps = props[name];
      return [name, typeCell(ps), required.indexOf(name) >= 0 ? "yes" : "no", [ps.description, limits(ps)].filter(Boolean).join(" — ")];
    }));
  }
  function operation(section, path, method, op) {
    var id = slug(method + " " + path);
    var article = add(section, el("article", null, { "aria-labelledby": id }));
    var h = add(article, el("h3", null, { id: id }));
    add(h, el("code", method.toUpperCase() + " " + path));
    if (op.summary) add(article, el("p", op.summary));
    if (op.description) add(article, el("p", op.description));
    if (op.security) add(article, el("p", "Needs a session cookie or an API token."));
    var params = op.parameters || [];
    if (params.length) add(article, table("Parameters", ["Name", "In", "Type", "Required", "Notes"], params.map(function (prm) {
      return [prm.name, prm["in"], typeCell(prm.schema), prm.required ? "yes" : "no", [prm.description, limits(prm.schema)].filter(Boolean).join(" — ")];
    })));
    var body = op.requestBody && op.requestBody.content;
    if (body) Object.keys(body).forEach(function (type) { add(article, schemaBlock(body[type].schema, "Request body (" + type + ")")); });
    var responses = op.responses || {};
    add(article, table("Responses", ["Status", "Meaning", "Body"], Object.keys(responses).map(function (status) {
      var r = responses[status]; var content = r.content || {}; var type = Object.keys(content)[0];
      return [status, r.description || "", type ? typeCell(content[type].schema) : "none"];
    })));
  }
  function render(doc) {
    document.title = doc.info.title + " — API reference";
    main.textContent = "";
    add(main, el("h1", doc.info.title + " " + doc.info.version));
    if (doc.info.description) add(main, el("p", doc.info.description));
    var byTag = {};
    Object.keys(doc.paths || {}).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method]; var tag = (op.tags || ["Other"])[0];
        (byTag[tag] = byTag[tag] || []).push([path, method, op]);
      });
    });
    var toc = add(nav, el("ul"));
    Object.keys(byTag).forEach(function (tag) {
      var section = add(main, el("section", null, { "aria-labelledby": "tag-" + slug(tag) }));
      add(section, el("h2", tag, { id: "tag-" + slug(tag) }));
      add(add(toc, el("li")), el("a", tag, { href: "#tag-" + slug(tag) }));
      byTag[tag].forEach(function (entry) { operation(section, entry[0], entry[1], entry[2]); });
    });
    var schemas = (doc.components && doc.components.schemas) || {};
    var all = add(main, el("section", null, { "aria-labelledby": "schemas" }));
    add(all, el("h2", "Schemas", { id: "schemas" }));
    add(add(toc, el("li")), el("a", "Schemas", { href: "#schemas" }));
    Object.keys(schemas).forEach(function (name) {
      add(all, el("h3", name, { id: "schema-" + slug(name) }));
      add(all, schemaBlock(schemas[name], name));
    });
  }
  fetch("/openapi.json").then(function (r) {
    if (!r.ok) throw new Error("status " + r.status);
    return r.json();
  }).then(render).catch(function (e) {
    main.textContent = "";
    add(main, el("h1", "API reference"));
    add(main, el("p", "The API description could not be loaded (" + e.message + "). It is at /openapi.json.", { role: "alert" }));
  });
})();
`;
