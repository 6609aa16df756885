// The redirect bridge is a subpath export of @azure/msal-browser, which this project's "node"
// module resolution does not follow (webpack does); its one function, as the package declares it
// in types/redirect_bridge/index.d.ts.
declare module "@azure/msal-browser/redirect-bridge" {
  export function broadcastResponseToMainFrame(): Promise<void>;
}
