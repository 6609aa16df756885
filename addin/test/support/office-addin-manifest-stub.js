/**
 * Stand-in for office-addin-manifest under Jest: its ESM-only dependencies cannot be loaded by Jest,
 * and office-addin-mock only needs the OfficeApp enum (same values as office-addin-manifest 3).
 */
const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});

module.exports = { OfficeApp };
