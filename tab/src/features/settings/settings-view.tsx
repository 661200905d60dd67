// TODO(issue 7): placeholder until the view lands
export const SettingsView = () => <p>SettingsView</p>;
