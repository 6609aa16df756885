import { ModelSchema, type Model } from "./schemas";

/**
 * The default model: the 11 dimensions of the baromètre de la symétrie (the article on the barometer of symmetry; docs/domain.md#dimensions),
 * each with parallel employee and customer items. Same construct, each audience's
 * point of view: customers rate responsiveness, employees rate their means to
 * respond fast (that article's example).
 */

type ItemText = readonly [fr: string, en: string];

interface DimensionText {
  readonly id: string;
  readonly label: ItemText;
  readonly aliases: readonly string[];
  readonly employee: readonly ItemText[];
  readonly customer: readonly ItemText[];
}

const DIMENSIONS: readonly DimensionText[] = [
  {
    id: "culture",
    aliases: ["culture client", "customer culture", "valeurs", "values"],
    label: ["Culture client et valeurs", "Customer culture and values"],
    employee: [
      ["Je sais ce que l'entreprise attend de moi vis-à-vis des clients", "I know what the company expects of me towards customers"],
      ["Les valeurs de l'entreprise guident mon travail au quotidien", "The company's values guide my daily work"],
      ["On me traite comme on me demande de traiter les clients", "I am treated the way I am asked to treat customers"],
    ],
    customer: [
      ["Le personnel se soucie vraiment de mes besoins", "Staff genuinely care about my needs"],
      ["Les valeurs affichées par l'enseigne se ressentent dans le service", "The brand's stated values show in the service"],
      ["Je me sens bienvenu à chaque visite", "I feel welcome at every visit"],
    ],
  },
  {
    id: "recognition",
    aliases: ["reconnaissance", "valorisation"],
    label: ["Reconnaissance et valorisation", "Recognition"],
    employee: [
      ["Mon travail est reconnu par mon manager", "My work is recognised by my manager"],
      ["Je suis remercié quand je fais un effort pour un client", "I am thanked when I go the extra mile for a customer"],
      ["Ma rémunération reflète ma contribution", "My pay reflects my contribution"],
    ],
    customer: [
      ["On me remercie de ma fidélité", "I am thanked for my loyalty"],
      ["Je me sens considéré comme un client important", "I feel treated as a valued customer"],
      ["Mes efforts (avis, fidélité) sont valorisés", "My efforts (feedback, loyalty) are rewarded"],
    ],
  },
  {
    id: "information",
    aliases: ["info"],
    label: ["Information", "Information"],
    employee: [
      ["Je reçois à temps les informations utiles à mon travail", "I get the information I need for my work on time"],
      ["Je suis informé des changements avant les clients", "I hear about changes before customers do"],
      ["Je sais à qui m'adresser quand je ne sais pas répondre", "I know whom to ask when I cannot answer"],
    ],
    customer: [
      ["On me donne des informations claires et exactes", "I am given clear and accurate information"],
      ["Le personnel sait répondre à mes questions", "Staff can answer my questions"],
      ["Je suis prévenu des changements qui me concernent", "I am told about changes that affect me"],
    ],
  },
  {
    id: "autonomy",
    aliases: ["autonomie", "initiative"],
    label: ["Autonomie et initiative", "Autonomy and initiative"],
    employee: [
      ["J'ai la latitude pour résoudre le problème d'un client", "I have the latitude to solve a customer's problem"],
      ["J'ai les moyens de répondre vite à une demande", "I have the means to respond quickly to a request"],
      ["Je peux prendre une initiative sans craindre d'être sanctionné", "I can take an initiative without fear of blame"],
    ],
    customer: [
      ["Mon problème est réglé par la première personne que je rencontre", "My problem is solved by the first person I meet"],
      ["On répond rapidement à mes demandes", "My requests are answered quickly"],
      ["Le personnel sait s'adapter à ma situation", "Staff adapt to my situation"],
    ],
  },
  {
    id: "physical",
    aliases: ["environnement physique", "environnement", "materiel", "physical environment", "environment", "tools"],
    label: ["Environnement physique et matériel", "Physical environment and tools"],
    employee: [
      ["Mon espace de travail est confortable (température, lumière, bruit)", "My workspace is comfortable (temperature, light, noise)"],
      ["Mes outils et équipements fonctionnent bien", "My tools and equipment work well"],
      ["Les espaces réservés au personnel sont aussi soignés que ceux des clients", "Staff areas are as well kept as customer areas"],
    ],
    customer: [
      ["Les lieux sont agréables (température, lumière, bruit)", "The premises are pleasant (temperature, light, noise)"],
      ["Les équipements mis à ma disposition fonctionnent", "The equipment offered to me works"],
      ["Les lieux sont propres et bien entretenus", "The premises are clean and well kept"],
    ],
  },
  {
    id: "relationship",
    aliases: ["relationnel", "relationships", "relations"],
    label: ["Relationnel", "Relationships"],
    employee: [
      ["Mon manager est à l'écoute", "My manager listens to me"],
      ["L'entraide entre collègues est réelle", "Colleagues really help each other"],
      ["Les équipes support et terrain coopèrent bien", "Support and front-line teams cooperate well"],
    ],
    customer: [
      ["Le personnel est à mon écoute", "Staff listen to me"],
      ["Le personnel est courtois et chaleureux", "Staff are courteous and warm"],
      ["Les différents interlocuteurs se coordonnent bien", "The people I deal with coordinate well"],
    ],
  },
  {
    id: "development",
    aliases: ["developpement"],
    label: ["Développement", "Development"],
    employee: [
      ["J'apprends et je progresse dans mon poste", "I learn and grow in my job"],
      ["J'ai été bien formé pour servir les clients", "I was well trained to serve customers"],
      ["Je vois des perspectives d'évolution ici", "I see career prospects here"],
    ],
    customer: [
      ["Le personnel est compétent", "Staff are competent"],
      ["Le service s'améliore d'une visite à l'autre", "The service improves from one visit to the next"],
      ["On me fait découvrir des offres utiles", "I am shown offers that are useful to me"],
    ],
  },
  {
    id: "alignment",
    aliases: ["alignement", "alignment discours realite"],
    label: ["Alignement discours / réalité", "Words-versus-reality alignment"],
    employee: [
      ["Ce que dit la direction correspond à ce que je vis", "What management says matches what I experience"],
      ["Les promesses faites aux salariés sont tenues", "Promises made to employees are kept"],
      ["Les procédures me permettent de tenir les promesses faites aux clients", "Procedures let me keep the promises made to customers"],
    ],
    customer: [
      ["Le service correspond à ce que promet la publicité", "The service matches what advertising promises"],
      ["Les engagements pris envers moi sont tenus", "Commitments made to me are kept"],
      ["Il n'y a pas de mauvaise surprise entre l'offre et la réalité", "There are no bad surprises between offer and reality"],
    ],
  },
  {
    id: "wellbeing",
    aliases: ["bien-etre", "bien etre", "well-being", "emotional wellbeing"],
    label: ["Bien-être émotionnel", "Emotional well-being"],
    employee: [
      ["Je me sens bien au travail", "I feel good at work"],
      ["Ma charge de travail est soutenable", "My workload is sustainable"],
      ["Je me sens soutenu face aux clients difficiles", "I feel supported when dealing with difficult customers"],
    ],
    customer: [
      ["Je me sens détendu pendant ma visite", "I feel relaxed during my visit"],
      ["Le personnel paraît serein et disponible", "Staff seem calm and available"],
      ["Je repars de bonne humeur", "I leave in a good mood"],
    ],
  },
  {
    id: "ethics",
    aliases: ["ethique"],
    label: ["Éthique", "Ethics"],
    employee: [
      ["On ne me demande jamais d'agir contre l'intérêt du client", "I am never asked to act against the customer's interest"],
      ["Je suis traité avec équité", "I am treated fairly"],
      ["Je peux signaler un problème sans risque", "I can raise a concern without risk"],
    ],
    customer: [
      ["On me conseille honnêtement, même si j'achète moins", "I am advised honestly, even if I buy less"],
      [
        "Je suis traité comme les autres clients, sans passe-droit ni oubli",
        "I am treated the same as other customers, no favours and no neglect",
      ],
      ["Mes données et ma vie privée sont respectées", "My data and privacy are respected"],
    ],
  },
  {
    id: "horizon",
    aliases: ["court terme long terme", "long terme", "long term", "short long term"],
    label: ["Court terme / long terme", "Short versus long term"],
    employee: [
      [
        "L'entreprise investit dans la durée plutôt que dans les résultats immédiats",
        "The company invests for the long run rather than for immediate results",
      ],
      [
        "Mes objectifs valorisent la fidélité des clients, pas seulement les ventes",
        "My objectives reward customer loyalty, not only sales",
      ],
      ["Je me vois encore travailler ici dans deux ans", "I see myself still working here in two years"],
    ],
    customer: [
      ["On cherche à me fidéliser plutôt qu'à me vendre à tout prix", "They try to keep me rather than sell at any cost"],
      ["Je retrouve les mêmes interlocuteurs d'une fois sur l'autre", "I find the same people from one visit to the next"],
      ["Je compte rester client dans deux ans", "I intend to still be a customer in two years"],
    ],
  },
];

function toItems(prefix: string, texts: readonly ItemText[]) {
  return texts.map(([fr, en], index) => ({ id: `${prefix}_${index + 1}`, label: { fr, en }, reversed: false }));
}

export const DEFAULT_MODEL: Model = ModelSchema.parse({
  id: "default",
  version: 1,
  name: { fr: "Baromètre de la symétrie des attentions", en: "Symmetry of attention barometer" },
  scales: { employees: { min: 1, max: 5 }, customers: { min: 1, max: 5 } },
  dimensions: DIMENSIONS.map((dimension) => ({
    id: dimension.id,
    label: { fr: dimension.label[0], en: dimension.label[1] },
    weight: 1,
    aliases: [...dimension.aliases],
    employeeItems: toItems(`${dimension.id}_e`, dimension.employee),
    customerItems: toItems(`${dimension.id}_c`, dimension.customer),
  })),
  journeyMoments: [
    { id: "recruitment", label: { fr: "Recrutement", en: "Recruitment" } },
    { id: "onboarding", label: { fr: "Intégration", en: "Onboarding" } },
    { id: "evaluation", label: { fr: "Évaluation", en: "Evaluation" } },
    { id: "mobility", label: { fr: "Mobilité", en: "Mobility" } },
    { id: "exit", label: { fr: "Départ", en: "Exit" } },
  ],
  unitAttributes: [
    { id: "front-office", label: { fr: "Front office (contact client)", en: "Front office (customer-facing)" } },
    { id: "support", label: { fr: "Support et back-office", en: "Support and back office" } },
  ],
  thresholds: {},
});

/**
 * A deep copy of the default model, safe to edit. The model is plain JSON data (strings, numbers,
 * booleans, arrays, objects), so a JSON round trip copies it exactly without a host API.
 */
export function defaultModel(): Model {
  return JSON.parse(JSON.stringify(DEFAULT_MODEL)) as Model;
}
