-- Appends an audit entry in one statement (one round trip for every audited request): takes the
-- organisation's chain lock, reads the previous hash and writes the entry with its hash. The
-- caller gives the canonical JSON of the entry's fields without its closing bracket (`head`); the
-- hash is sha256 of head || ',"' || previous hash || '"]', exactly `hashAuditEntry` in
-- packages/db/src/repositories/audit-log.ts, which `verify` uses.
CREATE FUNCTION tt_append_audit(
	p_organisation_id uuid,
	p_user_id uuid,
	p_at timestamp with time zone,
	p_action text,
	p_resource text,
	p_resource_ids text[],
	p_purpose text,
	p_details jsonb,
	p_head text
) RETURNS TABLE (id bigint, prev_hash text, hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	previous text;
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext(p_organisation_id::text));
	SELECT a.hash INTO previous FROM audit_log a
		WHERE a.organisation_id = p_organisation_id ORDER BY a.id DESC LIMIT 1;
	previous := coalesce(previous, repeat('0', 64));
	RETURN QUERY INSERT INTO audit_log AS a
		(organisation_id, user_id, at, action, resource, resource_ids, purpose, details, prev_hash, hash)
		VALUES (p_organisation_id, p_user_id, p_at, p_action, p_resource, p_resource_ids, p_purpose,
			p_details, previous,
			encode(sha256(convert_to(p_head || ',"' || previous || '"]', 'UTF8')), 'hex'))
		RETURNING a.id, a.prev_hash, a.hash;
END
$$;
