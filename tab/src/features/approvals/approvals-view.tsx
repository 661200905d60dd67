// TODO(issue 7): placeholder until the view lands
export const ApprovalsView = ({ approvalId }: { readonly approvalId: string | null }) => <p>ApprovalsView</p>;
