/**
 * Beslut: the inbox at `#/beslut`, one matter at `#/beslut/:id`. Each matter gets its own
 * component instance (key), so what was answered for one is never shown on another.
 */
import { ApprovalDetail } from './approval-detail.tsx';
import { ApprovalInbox } from './approval-inbox.tsx';

export const ApprovalsView = ({ approvalId }: { readonly approvalId: string | null }) =>
  approvalId === null ? <ApprovalInbox /> : <ApprovalDetail key={approvalId} approvalId={approvalId} />;
