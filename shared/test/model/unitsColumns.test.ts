import { recogniseUnitsColumns } from "@symmetry/engine";

describe("recogniseUnitsColumns", () => {
  it("recognises the English headers of the units file", () => {
    expect(recogniseUnitsColumns(["unit", "attribute", "headcount", "leavers", "average_salary"])).toEqual({
      unitColumn: "unit",
      attributeColumn: "attribute",
      headcountColumn: "headcount",
      leaversColumn: "leavers",
      salaryColumn: "average_salary",
    });
  });

  it("recognises French headers with accents and capitals, keeping them as written", () => {
    expect(recogniseUnitsColumns(["Unité", "Type", "Effectif", "Départs", "Salaire annuel moyen"])).toEqual({
      unitColumn: "Unité",
      attributeColumn: "Type",
      headcountColumn: "Effectif",
      leaversColumn: "Départs",
      salaryColumn: "Salaire annuel moyen",
    });
  });

  it("takes the first matching header, skips empty ones and leaves unnamed columns out", () => {
    expect(recogniseUnitsColumns(["", "Magasin", "Store", "Sorties", "Comment"])).toEqual({
      unitColumn: "Magasin",
      leaversColumn: "Sorties",
    });
  });

  it("wants the unit and attribute headers whole, not inside a longer name", () => {
    expect(recogniseUnitsColumns(["business unit", "unit type"])).toEqual({});
  });
});
