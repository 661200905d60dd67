// TODO(issue 7): placeholder until the view lands
export const RequisitionsView = ({ periodKey }: { readonly periodKey: string | null }) => <p>RequisitionsView</p>;
