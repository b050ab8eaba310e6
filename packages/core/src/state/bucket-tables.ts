/** State table shape (buckets.md §2). */
export type BucketTableSchema = 'awslogs' | 'vpcflow' | 'custom';

/** Columns that, with `log_key`, identify a row (in table order). */
export const GROUP_COLUMNS: Record<BucketTableSchema, readonly string[]> = {
  awslogs: ['bucket_path', 'aws_account_id', 'aws_region'],
  vpcflow: ['bucket_path', 'aws_account_id', 'aws_region', 'flow_log_id'],
  custom: ['bucket_path', 'aws_account_id'],
};

/**
 * The reference's CREATE statement for a bucket table: quoted type names (TEXT/INTEGER affinity),
 * every column NOT NULL, primary key = group columns + `log_key`.
 */
export function bucketTableDdl(table: string, schema: BucketTableSchema): string {
  const group = GROUP_COLUMNS[schema];
  const columns = [
    ...group.map((name) => `${name} 'text' NOT NULL`),
    "log_key 'text' NOT NULL",
    "processed_date 'text' NOT NULL",
    "created_date 'integer' NOT NULL",
  ];
  return `CREATE TABLE ${quoteIdentifier(table)} (${columns.join(', ')}, PRIMARY KEY (${[...group, 'log_key'].join(', ')}))`;
}

/** Table names come from plugin descriptors; still refuse anything that is not a plain identifier. */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`Invalid state table name: ${name}`);
  return name;
}
