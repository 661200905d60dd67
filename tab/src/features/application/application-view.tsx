// TODO(issue 7): placeholder until the view lands
export const ApplicationView = ({ interventionId }: { readonly interventionId: string | null }) => (
  <p>ApplicationView</p>
);
