/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { ErrorBar } from "../../src/taskpane/components/ErrorBar";
import { MAPPING_NAMESPACE } from "@symmetry/engine";
import type { KeyValueStore } from "../../src/taskpane/model/modelSource";
import { fixtureWorkbook } from "../support/fixtureWorkbook";

// jsdom has no ResizeObserver; Fluent's message bar only needs it to exist.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

class MapStore implements KeyValueStore {
  private readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

function renderPane(workbook = fixtureWorkbook(), language: "en" | "fr" = "en") {
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={workbook} initialLanguage={language} store={new MapStore()} showLanguageSwitch />
    </FluentProvider>,
  );
  return workbook;
}

async function suggest() {
  const button = await screen.findByTestId("suggest");
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  await act(async () => fireEvent.click(button));
  await screen.findByTestId("grid-employees");
}

describe("task pane components (jsdom, in-memory workbook)", () => {
  it("finds the Employees and Customers sheets and suggests a valid mapping", async () => {
    renderPane();
    await suggest();
    expect(screen.getByTestId("mapping-status").textContent).toBe("The mapping is valid.");
    expect((screen.getByTestId("role-employees-eNPS") as HTMLSelectElement).value).toBe("recommendation");
    expect((screen.getByTestId("dimension-employees-culture_3~r") as HTMLSelectElement).value).toBe("culture");
  });

  it("shows a zod/mapping problem inline on its row and disables Build until it is fixed", async () => {
    renderPane();
    await suggest();
    await act(async () => fireEvent.change(screen.getByTestId("role-employees-id"), { target: { value: "unit" } }));
    const issue = screen.getByTestId("issue-employees-unit");
    expect(issue.textContent).toBe('only one unit column is allowed among the employees: "unit" is a second one');
    expect(screen.getByTestId("role-employees-unit").getAttribute("aria-describedby")).toBe(issue.id);
    expect((screen.getByTestId("build") as HTMLButtonElement).disabled).toBe(true);
    await act(async () => fireEvent.change(screen.getByTestId("role-employees-id"), { target: { value: "ignore" } }));
    expect(screen.queryByTestId("issue-employees-unit")).toBeNull();
    expect((screen.getByTestId("build") as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows a data error in the message bar with what happened and what to do, and writes no sheet", async () => {
    const workbook = fixtureWorkbook();
    await workbook.writeValues("Employees", "E7", [[9]]);
    renderPane(workbook);
    await suggest();
    await act(async () => fireEvent.click(screen.getByTestId("build")));
    const bar = await screen.findByTestId("message-bar");
    await waitFor(() => expect(bar.textContent).toMatch(/Something went wrong/));
    expect(bar.getAttribute("role")).toBe("alert");
    expect(bar.textContent).toMatch(/Employees, row 7, column "culture_2": answer 9 is outside the scale 1–5/);
    expect(bar.textContent).toMatch(/Fix the cell or the mapping's scale, then build again\./);
    expect((await workbook.listSheets()).map((sheet) => sheet.name)).not.toContain("Barometer");
  });

  it("builds, saves the mapping in the workbook and reloads it when the pane opens again", async () => {
    const workbook = renderPane();
    await suggest();
    await act(async () => fireEvent.click(screen.getByTestId("build")));
    await waitFor(() =>
      expect(screen.getByTestId("message-bar").textContent).toMatch(/Barometer built: 3 dimensions, 60 employees, 75 customers/),
    );
    expect(await workbook.getCustomXmlPart(MAPPING_NAMESPACE)).toContain("culture_3~r");
    document.body.innerHTML = "";
    renderPane(workbook, "fr");
    await waitFor(() => expect(screen.getByTestId("message-bar").textContent).toMatch(/Mappage rechargé depuis le classeur/));
    expect(within(screen.getByTestId("grid-employees")).getByTestId("role-employees-eNPS")).toBeDefined();
  });

  it("ErrorBar renders nothing without a message and dismisses with its labelled button", () => {
    const dismissed: string[] = [];
    const { container, rerender } = render(<ErrorBar message={null} dismissLabel="Dismiss" onDismiss={() => dismissed.push("x")} />);
    expect(container.innerHTML).toBe("");
    rerender(
      <FluentProvider theme={webLightTheme}>
        <ErrorBar
          message={{ intent: "error", title: "Something went wrong", text: "A happened.", action: "Do B." }}
          dismissLabel="Dismiss"
          onDismiss={() => dismissed.push("x")}
        />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(dismissed).toEqual(["x"]);
    expect(screen.getByRole("alert").textContent).toContain("A happened. Do B.");
  });
});
