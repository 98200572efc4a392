/** A GOV.UK table's head: one row of column headings; `numeric` ones are set to the right. */
export function TableHead({
  labels,
  numeric = [],
}: {
  labels: readonly string[];
  numeric?: readonly string[];
}) {
  const className = (h: string) =>
    `govuk-table__header${numeric.includes(h) ? " govuk-table__header--numeric" : ""}`;
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {labels.map((h, i) => (
          // Headings may repeat (an empty one): their place keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the headings are fixed for the table
          <th scope="col" className={className(h)} key={`${h}-${i}`}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
