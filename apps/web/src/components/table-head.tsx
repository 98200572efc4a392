/** A GOV.UK table's head: one row of column headings. */
export function TableHead({ labels }: { labels: readonly string[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {labels.map((h, i) => (
          // Headings may repeat (an empty one): their place keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the headings are fixed for the table
          <th scope="col" className="govuk-table__header" key={`${h}-${i}`}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
