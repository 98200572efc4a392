/** A row as stored: the input plus identity, owner and stamps. */
export type Stored<T> = T & {
  readonly id: string;
  readonly organisationId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
};
