#!/usr/bin/env node
"use strict";
/**
 * Generates the Symmetry Barometer sample data sets: employees (with units and managers, support
 * units included), customers per unit, and unit attributes (front office / support, headcount,
 * leavers, salary), in English (`,`, decimal points) and French (`;`, decimal commas, French
 * headers). A seeded generator makes every run identical; the seed is written to manifest.json.
 *
 *   node samples/generate.js                       regenerate samples/en and samples/fr
 *   node samples/generate.js --plain --employees 1000000 --customers 1000000 --out bench/out/1m
 *                                                  benchmark layout: 33 items + enps + unit + manager
 *
 * The effects built in are the ones the barometer should find: units whose employees score higher
 * also have happier customers and a higher NPS (Harter et al. 2002 report unit-level correlations
 * around .3, so the link is moderate, about .4 here, not deterministic); recognition and the physical environment
 * carry real gaps (employees score them well below customers, as the articles on the barometer and on the
 * physical workplace describe); support units feel less recognised and informed (the article on recognising
 * support staff); a few units have under 5 respondents so that confidentiality suppression shows.
 */
const fs = require("node:fs");
const path = require("node:path");

const DEFAULT_SEED = 20240611;

/** Dimension ids and labels, in the default model's order (shared/src/model/defaultModel.ts). */
const DIMENSIONS = [
  ["culture", "Culture client et valeurs"],
  ["recognition", "Reconnaissance et valorisation"],
  ["information", "Information"],
  ["autonomy", "Autonomie et initiative"],
  ["physical", "Environnement physique et matériel"],
  ["relationship", "Relationnel"],
  ["development", "Développement"],
  ["alignment", "Alignement discours / réalité"],
  ["wellbeing", "Bien-être émotionnel"],
  ["ethics", "Éthique"],
  ["horizon", "Court terme / long terme"],
];
const ITEMS_PER_DIMENSION = 3;

/** Offsets from the base answer (points on the 1–5 scale) per dimension: the built-in gaps. */
const EMPLOYEE_EFFECT = { recognition: -0.75, physical: -0.6, information: 0.1, autonomy: -0.15, development: 0.05, horizon: -0.1 };
const CUSTOMER_EFFECT = { recognition: 0.05, physical: 0.05, information: -0.1, culture: 0.05, ethics: 0.1 };
/** Support units are the forgotten ones (the article on recognising support staff): less recognition and information. */
const SUPPORT_EFFECT = { recognition: -0.35, information: -0.3 };

/**
 * The earlier wave of the two-wave samples (`waves/`), whose later wave (2026) is the main sample.
 * Its offsets differ from the 2026 ones so that `sym trend` has known changes to find:
 * - information was an alert in 2025 (employees well below customers) and closes in 2026;
 * - recognition's gap was smaller in 2025 and widens in 2026;
 * - support units felt more forgotten in 2025 (recognition and information) and improve in 2026.
 */
const EARLIER_WAVE = {
  wave: "2025",
  seedOffset: 2025,
  employeeEffect: { ...EMPLOYEE_EFFECT, recognition: -0.35, information: -0.65 },
  supportEffect: { recognition: -0.85, information: -0.6 },
};
/**
 * The action plan decided after the 2025 wave (`waves/actions.json`, the document the task pane
 * keeps in the workbook part urn:symmetry-barometer:actions:1): `sym trend --actions` reads
 * whether each targeted gap narrowed by 2026.
 */
const ACTIONS = [
  {
    dimension: "information",
    scope: { kind: "all" },
    owner: ["Internal communications", "Communication interne"],
    due: "2025-09-30",
    status: "done",
    text: ["Monthly town hall and a weekly news digest for every team", "Réunion mensuelle et lettre hebdomadaire pour toutes les équipes"],
  },
  {
    dimension: "information",
    scope: { kind: "unitType", value: "support" },
    owner: ["Support managers", "Managers des fonctions support"],
    due: "2025-12-31",
    status: "done",
    text: ["Support teams join the stores' morning briefings", "Les équipes support rejoignent les briefs du matin des magasins"],
  },
  {
    dimension: "recognition",
    scope: { kind: "all" },
    owner: ["HR director", "DRH"],
    due: "2026-06-30",
    status: "in-progress",
    text: [
      "Recognition programme: peer thanks and yearly awards",
      "Programme de reconnaissance : remerciements entre pairs et trophées annuels",
    ],
  },
];

function writeActions(file, language) {
  const index = language === "fr" ? 1 : 0;
  const actions = ACTIONS.map((action) => ({
    dimension: action.dimension,
    scope: action.scope,
    owner: action.owner[index],
    due: action.due,
    status: action.status,
    text: action.text[index],
    wave: EARLIER_WAVE.wave,
  }));
  fs.writeFileSync(file, `${JSON.stringify({ version: 1, actions }, null, 2)}\n`);
}

const LATER_WAVE = { wave: "2026", seedOffset: 0, employeeEffect: EMPLOYEE_EFFECT, supportEffect: SUPPORT_EFFECT };

const STORES = [
  "Lyon Part-Dieu",
  "Paris Opéra",
  "Paris Bercy",
  "Marseille Vieux-Port",
  "Lille Europe",
  "Bordeaux Lac",
  "Toulouse Capitole",
  "Nantes Atlantis",
  "Strasbourg Kléber",
  "Nice Masséna",
  "Rennes Colombier",
  "Montpellier Odysseum",
  "Grenoble Grand-Place",
  "Dijon Toison d'Or",
  "Reims Cathédrale",
  "Angers Rives",
  "Tours Nationale",
  "Clermont Jaude",
  "Rouen Saint-Sever",
  "Metz Muse",
  "Brest Jaurès",
  "Caen Mondeville",
  "Nancy Saint-Sébastien",
  "Orléans Place d'Arc",
  "Limoges Saint-Martial",
  "Avignon Cap Sud",
  "Annecy Courier",
  "Pau Quartier Libre",
  "Perpignan Catalogne",
  "Amiens Shopping Promenade",
];
const SUPPORT_UNITS = [
  ["Payroll", "Paie"],
  ["IT service desk", "Support informatique"],
  ["Logistics hub", "Plateforme logistique"],
  ["Customer care centre", "Service client à distance"],
  ["Finance back office", "Back-office finance"],
  ["Purchasing", "Achats"],
  ["Maintenance", "Maintenance"],
  ["HR shared services", "Centre de services RH"],
  ["Cleaning and facilities", "Propreté et services généraux"],
  ["Quality", "Qualité"],
];

/** mulberry32: a small, fast, seedable PRNG (public domain, T. Ettinger). */
function seededRandom(seed) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare = null;
  const normal = () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // Box–Muller
    const u = 1 - uniform();
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
  const integer = (low, high) => low + Math.floor(uniform() * (high - low + 1));
  return { uniform, normal, integer };
}

const clamp = (value, low, high) => (value < low ? low : value > high ? high : value);

/**
 * A unit's latent effects: a shared quality (good management shows in both populations) plus what
 * is the employees' own and the customers' own (location, clientele…). With these weights the
 * unit-level correlation of employee and customer scores is about .4, in line with the moderate
 * observed correlations of Harter, Schmidt & Hayes (2002), not a deterministic link.
 */
function unitEffects(random) {
  const quality = random.normal();
  return { quality, employeeLevel: 0.45 * quality + 0.4 * random.normal(), customerLevel: 0.3 * quality + 0.45 * random.normal() };
}

/** The units: names in both languages, kind, latent quality (drives both populations), sizes. */
function buildUnits(random, options) {
  const units = [];
  if (options.plain) {
    const count = options.units;
    for (let index = 0; index < count; index++) {
      const support = index % 5 === 4;
      const name = `U${String(index + 1).padStart(5, "0")}`;
      units.push({ en: name, fr: name, support, ...unitEffects(random), employees: 0, customers: 0 });
    }
    // Spread respondents at random (multinomial), so unit sizes vary like real ones.
    for (let index = 0; index < options.employees; index++) units[random.integer(0, count - 1)].employees++;
    for (let index = 0; index < options.customers; index++) units[random.integer(0, count - 1)].customers++;
    return units;
  }
  STORES.forEach((store, index) => {
    const tiny = index === 26 || index === 29; // Annecy and Amiens: under the confidentiality threshold
    units.push({
      en: store,
      fr: store,
      support: false,
      ...unitEffects(random),
      employees: tiny ? random.integer(2, 4) : random.integer(30, 45),
      customers: random.integer(60, 140),
    });
  });
  SUPPORT_UNITS.forEach(([en, fr], index) => {
    const tiny = index === 9; // Quality: two people
    units.push({ en, fr, support: true, ...unitEffects(random), employees: tiny ? 2 : random.integer(20, 35), customers: 0 });
  });
  return units;
}

function headersFor(language, population, plain, waved = false) {
  const items = [];
  for (const [id, french] of DIMENSIONS) {
    for (let item = 1; item <= ITEMS_PER_DIMENSION; item++) {
      const reversed = !plain && population === "employees" && id === "wellbeing" && item === 3 ? "~r" : "";
      items.push(language === "fr" ? `${french} ${item}${reversed}` : `${id}_${item}${reversed}`);
    }
  }
  if (plain) return population === "employees" ? [...items, "enps", "unit", "manager"] : [...items, "nps", "unit"];
  const wave = waved ? [language === "fr" ? "vague" : "wave"] : [];
  if (language === "fr") {
    return population === "employees"
      ? [...wave, "id_répondant", "unité", "manager", "ancienneté_années", ...items, "eNPS"]
      : [...wave, "id_répondant", "unité", "date_visite", "canal", ...items, "NPS"];
  }
  return population === "employees"
    ? [...wave, "respondent_id", "unit", "manager", "tenure_years", ...items, "enps"]
    : [...wave, "respondent_id", "unit", "visit_date", "channel", ...items, "nps"];
}

/** RFC 4180 quoting when a field holds the delimiter, a quote or a line break. */
function quote(text, delimiter) {
  return text.includes(delimiter) || text.includes('"') || text.includes("\n") ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Buffered line writer: one write system call per ~1 MB. */
function lineWriter(file) {
  const descriptor = fs.openSync(file, "w");
  let pending = [];
  let size = 0;
  return {
    line(text) {
      pending.push(text);
      size += text.length;
      if (size > 1 << 20) this.flush();
    },
    flush() {
      if (pending.length > 0) fs.writeSync(descriptor, pending.join("\n") + "\n");
      pending = [];
      size = 0;
    },
    close() {
      this.flush();
      fs.closeSync(descriptor);
    },
  };
}

/**
 * One answer on 1–5 from a latent level: rounded, clamped, sometimes blank or a declared
 * non-answer (NA / NSP).
 */
function answer(random, level, nonAnswer) {
  const draw = random.uniform();
  if (draw < 0.025) return "";
  if (draw < 0.035) return nonAnswer;
  return String(clamp(Math.round(level + 0.75 * random.normal()), 1, 5));
}

function recommendation(random, level, missingShare) {
  if (random.uniform() < missingShare) return "";
  return String(clamp(Math.round(level + 1.7 * random.normal()), 0, 10));
}

/**
 * Writes the employee rows of one wave. Without `wave` (the main sample) there is no wave column;
 * with it, every row starts with the wave label and the wave's own offsets apply.
 */
function writeEmployeeRows(writer, language, units, random, options, wave) {
  const delimiter = language === "fr" ? ";" : ",";
  const nonAnswer = language === "fr" ? "NSP" : "NA";
  const employeeEffect = wave?.employeeEffect ?? EMPLOYEE_EFFECT;
  const supportEffect = wave?.supportEffect ?? SUPPORT_EFFECT;
  // Earlier-wave respondents get ids of their own, so no id appears in two waves.
  const idPrefix = wave && wave.seedOffset !== 0 ? `E${wave.wave}-` : "E";
  let respondent = 0;
  units.forEach((unit, unitIndex) => {
    const managers = Math.max(1, Math.round(unit.employees / 12));
    const unitName = quote(unit[language], delimiter);
    for (let index = 0; index < unit.employees; index++) {
      respondent++;
      const person = 0.55 * random.normal(); // how this employee feels overall
      const level = 3.55 + unit.employeeLevel + person;
      const fields = wave ? [wave.wave] : [];
      if (!options.plain) {
        const tenure = clamp(Math.abs(random.normal()) * 6, 0.1, 38).toFixed(1);
        fields.push(
          `${idPrefix}${String(respondent).padStart(5, "0")}`,
          unitName,
          `M${String(unitIndex + 1).padStart(2, "0")}-${(index % managers) + 1}`,
          language === "fr" ? tenure.replace(".", ",") : tenure,
        );
      }
      for (const [id] of DIMENSIONS) {
        const dimensionLevel = level + (employeeEffect[id] ?? 0) + (unit.support ? (supportEffect[id] ?? 0) : 0);
        for (let item = 1; item <= ITEMS_PER_DIMENSION; item++) {
          let value = answer(random, dimensionLevel, nonAnswer);
          // The reversed item is asked the other way round ("I often feel drained…"): 6 − x on 1–5.
          if (!options.plain && id === "wellbeing" && item === 3 && /^\d$/.test(value)) value = String(6 - Number(value));
          fields.push(value);
        }
      }
      fields.push(recommendation(random, 7.1 + 1.6 * (unit.employeeLevel + person), 0.04));
      if (options.plain) fields.push(unitName, `M${String(unitIndex * 4 + (index % 4) + 1).padStart(6, "0")}`);
      writer.line(fields.join(delimiter));
    }
  });
}

/** Writes the customer rows of one wave; `wave` as for the employees (customers have no wave offsets). */
function writeCustomerRows(writer, language, units, random, options, wave) {
  const delimiter = language === "fr" ? ";" : ",";
  const nonAnswer = language === "fr" ? "NSP" : "N/A";
  const channels = language === "fr" ? ["magasin", "téléphone", "web"] : ["store", "phone", "web"];
  const idPrefix = wave && wave.seedOffset !== 0 ? `C${wave.wave}-` : "C";
  // The main sample's visits are dated March 2025; the earlier wave's a year before.
  const year = wave && wave.seedOffset !== 0 ? "2024" : "2025";
  let respondent = 0;
  for (const unit of units) {
    const unitName = quote(unit[language], delimiter);
    for (let index = 0; index < unit.customers; index++) {
      respondent++;
      const person = 0.5 * random.normal();
      const level = 3.4 + unit.customerLevel + person;
      const fields = wave ? [wave.wave] : [];
      if (!options.plain) {
        const day = 1 + ((respondent * 7) % 28);
        const date = language === "fr" ? `${String(day).padStart(2, "0")}/03/${year}` : `${year}-03-${String(day).padStart(2, "0")}`;
        fields.push(`${idPrefix}${String(respondent).padStart(5, "0")}`, unitName, date, channels[random.integer(0, 2)]);
      }
      for (const [id] of DIMENSIONS) {
        const dimensionLevel = level + (CUSTOMER_EFFECT[id] ?? 0);
        for (let item = 1; item <= ITEMS_PER_DIMENSION; item++) fields.push(answer(random, dimensionLevel, nonAnswer));
      }
      fields.push(recommendation(random, 7.4 + 1.5 * (unit.customerLevel + person), 0.03));
      if (options.plain) fields.push(unitName);
      writer.line(fields.join(delimiter));
    }
  }
}

function writeHeader(writer, language, population, options, waved) {
  const delimiter = language === "fr" ? ";" : ",";
  writer.line(
    headersFor(language, population, options.plain, waved)
      .map((header) => quote(header, delimiter))
      .join(delimiter),
  );
}

function writeEmployees(file, language, units, random, options) {
  const writer = lineWriter(file);
  writeHeader(writer, language, "employees", options, false);
  writeEmployeeRows(writer, language, units, random, options, undefined);
  writer.close();
}

function writeCustomers(file, language, units, random, options) {
  const writer = lineWriter(file);
  writeHeader(writer, language, "customers", options, false);
  writeCustomerRows(writer, language, units, random, options, undefined);
  writer.close();
}

/**
 * The two-wave files (`waves/employees.csv`, `waves/customers.csv`): the earlier wave drawn from
 * its own seed over the same units, then the later wave, whose rows are the main sample's, so
 * `sym barometer` on the main files and the 2026 wave of `sym trend` give the same figures.
 * Each wave replays its generator from the start, so both files see the same units.
 */
function writeWaves(directory, language, settings) {
  fs.mkdirSync(directory, { recursive: true });
  const counts = { employees: 0, customers: 0 };
  const employees = lineWriter(path.join(directory, "employees.csv"));
  const customers = lineWriter(path.join(directory, "customers.csv"));
  writeHeader(employees, language, "employees", settings, true);
  writeHeader(customers, language, "customers", settings, true);
  for (const wave of [EARLIER_WAVE, LATER_WAVE]) {
    // Units (and their latent quality) come from the main seed in both waves; the answers of the
    // earlier wave come from a generator of its own.
    const unitRandom = seededRandom(settings.seed);
    const units = buildUnits(unitRandom, settings);
    const random = wave.seedOffset === 0 ? unitRandom : seededRandom(settings.seed + wave.seedOffset);
    writeEmployeeRows(employees, language, units, random, settings, wave);
    writeCustomerRows(customers, language, units, random, settings, wave);
    counts.employees += units.reduce((sum, unit) => sum + unit.employees, 0);
    counts.customers += units.reduce((sum, unit) => sum + unit.customers, 0);
  }
  employees.close();
  customers.close();
  writeActions(path.join(directory, "actions.json"), language);
  return counts;
}

/** Unit attributes: kind, headcount (respondents ÷ response rate), leavers (fewer where employees fare better), salary. */
function writeUnits(file, language, units, random) {
  const delimiter = language === "fr" ? ";" : ",";
  const headers =
    language === "fr"
      ? ["unité", "type", "effectif", "départs", "salaire_annuel_moyen"]
      : ["unit", "attribute", "headcount", "leavers", "average_salary"];
  const writer = lineWriter(file);
  writer.line(headers.join(delimiter));
  for (const unit of units) {
    const headcount = Math.max(unit.employees, Math.round(unit.employees / (0.72 + 0.15 * random.uniform())));
    const turnoverRate = clamp(0.24 - 0.1 * unit.employeeLevel + 0.04 * random.normal(), 0.03, 0.6); // unhappier staff leave more
    const leavers = Math.round(headcount * turnoverRate);
    const salary = (unit.support ? 33500 : 27200) + 1800 * random.normal();
    const salaryText = language === "fr" ? salary.toFixed(2).replace(".", ",") : salary.toFixed(2);
    writer.line(
      [quote(unit[language], delimiter), unit.support ? "support" : "front-office", headcount, leavers, salaryText].join(delimiter),
    );
  }
  writer.close();
}

/**
 * Writes one data set. The same seed gives the same respondents in every language: the French
 * files are the English ones translated (headers, delimiter, decimal commas, non-answer word).
 */
function generateDataSet(options) {
  const settings = { seed: DEFAULT_SEED, plain: false, languages: ["en", "fr"], ...options };
  const written = {};
  for (const language of settings.languages) {
    const directory = settings.languages.length > 1 && !settings.flat ? path.join(settings.out, language) : settings.out;
    fs.mkdirSync(directory, { recursive: true });
    const random = seededRandom(settings.seed);
    const units = buildUnits(random, settings);
    writeEmployees(path.join(directory, "employees.csv"), language, units, random, settings);
    writeCustomers(path.join(directory, "customers.csv"), language, units, random, settings);
    if (!settings.plain) writeUnits(path.join(directory, "units.csv"), language, units, random);
    const waves = settings.plain ? undefined : writeWaves(path.join(directory, "waves"), language, settings);
    written[language] = {
      directory,
      units: units.length,
      employees: units.reduce((sum, unit) => sum + unit.employees, 0),
      customers: units.reduce((sum, unit) => sum + unit.customers, 0),
      ...(waves ? { waves: { directory: path.join(directory, "waves"), waves: [EARLIER_WAVE.wave, LATER_WAVE.wave], ...waves } } : {}),
    };
  }
  return written;
}

function parseArguments(argv) {
  const options = { out: __dirname, seed: DEFAULT_SEED, plain: false };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const next = () => argv[++index];
    if (flag === "--plain") options.plain = true;
    else if (flag === "--seed") options.seed = Number(next());
    else if (flag === "--out") options.out = next();
    else if (flag === "--employees") options.employees = Number(next());
    else if (flag === "--customers") options.customers = Number(next());
    else if (flag === "--units") options.units = Number(next());
    else if (flag === "--lang") options.languages = [next()];
    else throw new Error(`unknown option ${flag}`);
  }
  if (options.plain) {
    options.employees ??= 10000;
    options.customers ??= options.employees;
    options.units ??= Math.max(10, Math.round(options.employees / 500));
    options.languages ??= ["en"];
  }
  return options;
}

if (require.main === module) {
  const options = parseArguments(process.argv.slice(2));
  const written = generateDataSet(options);
  if (!options.plain && options.out === __dirname) {
    const manifest = {
      generator: "samples/generate.js",
      seed: options.seed,
      note: "Synthetic data. The French files hold the same respondents as the English ones, translated.",
      datasets: Object.fromEntries(
        Object.entries(written).map(([language, info]) => [
          language,
          {
            ...info,
            directory: `samples/${language}`,
            ...(info.waves ? { waves: { ...info.waves, directory: `samples/${language}/waves` } } : {}),
          },
        ]),
      ),
    };
    // Short arrays on one line, as Prettier (npm run format:check) writes them.
    const text = JSON.stringify(manifest, null, 2).replace(
      /\[\s+("[^"\n]*"(?:,\s+"[^"\n]*")*)\s+\]/g,
      (_whole, inner) => `[${inner.replace(/,\s+/g, ", ")}]`,
    );
    fs.writeFileSync(path.join(__dirname, "manifest.json"), `${text}\n`);
  }
  for (const [language, info] of Object.entries(written)) {
    process.stdout.write(
      `${language}: ${info.employees} employees, ${info.customers} customers, ${info.units} units → ${info.directory}\n`,
    );
  }
}

module.exports = { generateDataSet, seededRandom, DEFAULT_SEED };
