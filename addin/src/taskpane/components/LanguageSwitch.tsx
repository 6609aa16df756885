import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { Language } from "@symmetry/engine";

export interface LanguageSwitchProps {
  readonly label: string;
  readonly language: Language;
  readonly onChange: (language: Language) => void;
}

/** Shown in the browser preview only: inside Office the pane follows the display language. */
export function LanguageSwitch({ label, language, onChange }: LanguageSwitchProps): React.ReactElement {
  return (
    <Field label={label}>
      <Select value={language} onChange={(_, data) => onChange(data.value === "fr" ? "fr" : "en")} data-testid="language">
        <option value="en">English</option>
        <option value="fr">Français</option>
      </Select>
    </Field>
  );
}
