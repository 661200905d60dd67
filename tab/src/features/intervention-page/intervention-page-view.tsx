// TODO(issue 7): placeholder until the view lands
export const InterventionPageView = ({ interventionId }: { readonly interventionId: string }) => (
  <p>InterventionPageView</p>
);
