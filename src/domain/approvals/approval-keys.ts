/**
 * The outbox keys (Notifications.Key) of an approval's messages. One key per approval, person and
 * kind, so each approver gets exactly one card, one reminder and one outcome message however many
 * sweeps or servers try to send them. AAD ids are lower-cased: Teams and SharePoint disagree on case.
 */

/** `approval:12:card:<aad>`: the card asking the approver to vote (updated later to the outcome) */
export function approvalCardKey(approvalId: string, aadObjectId: string): string {
  return `approval:${approvalId}:card:${aadObjectId.toLowerCase()}`;
}

/** `approval:12:paminnelse:<aad>`: the one reminder before the DueDate to an approver who has not voted */
export function approvalReminderKey(approvalId: string, aadObjectId: string): string {
  return `approval:${approvalId}:paminnelse:${aadObjectId.toLowerCase()}`;
}

/** `approval:12:utfall:<aad>`: the outcome told to the requester */
export function approvalOutcomeKey(approvalId: string, aadObjectId: string): string {
  return `approval:${approvalId}:utfall:${aadObjectId.toLowerCase()}`;
}
