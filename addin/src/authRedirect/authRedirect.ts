import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

/**
 * The page the sign-in popup lands on (auth-redirect.html, a registered SPA redirect URI): MSAL's
 * redirect bridge hands the authorization response to the pane that opened the popup, which then
 * redeems it and closes the popup. Nothing else runs here, so the response never meets other code.
 */
broadcastResponseToMainFrame().catch((error: unknown) => {
  const element = document.getElementById("status");
  if (element)
    element.textContent = `Sign-in could not finish: ${error instanceof Error ? error.message : String(error)}. Close this window and try again.`;
});
