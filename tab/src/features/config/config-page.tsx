// TODO(issue 7): placeholder until the view lands
export const ConfigPage = () => <p>ConfigPage</p>;
