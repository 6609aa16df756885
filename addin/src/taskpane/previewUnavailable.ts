/**
 * Stands in for the browser preview in a production bundle (webpack replaces
 * ../preview/startPreview with this module): outside Excel the deployed page only says where it
 * belongs. The preview, its sample data and the in-memory workbook ship in development builds only.
 */
export async function startPreview(container: HTMLElement): Promise<void> {
  container.setAttribute("role", "status");
  container.textContent =
    "Symmetry Barometer runs inside Excel: open Excel, then Home > Add-ins. · Le Baromètre de la symétrie s'ouvre dans Excel : Accueil > Compléments. See support.html / voir support.html.";
}
