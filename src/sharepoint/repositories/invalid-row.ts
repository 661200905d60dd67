import type { ListKey } from '../schema.ts';

/** One reason a SharePoint row could not be read as a domain entity. */
export type RowIssue = {
  /** the SharePoint internal column name (or the property, when no single column is to blame) */
  readonly field: string;
  readonly message: string;
};

/**
 * Told about every row a repository skipped because it does not parse, typically after a kansli
 * edit in SharePoint. The scheduler collects these as anomalies; a list read never fails for one row.
 */
export type InvalidRowReporter = (listKey: ListKey, itemId: string, issues: readonly RowIssue[]) => void;
