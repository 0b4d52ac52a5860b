import { Grade } from '../entities/enums';

/** French names, streets and texts the seeds draw from (fictional people, real-sounding). */

export const GIRL_NAMES = [
  'Emma', 'Jade', 'Louise', 'Alice', 'Chloé', 'Lina', 'Rose', 'Léa', 'Anna', 'Mila', 'Inès', 'Ambre',
  'Julia', 'Mia', 'Léna', 'Manon', 'Juliette', 'Lou', 'Zoé', 'Camille', 'Agathe', 'Sarah', 'Jeanne',
  'Romane', 'Nina', 'Eva', 'Iris', 'Louna', 'Yasmine', 'Aïcha', 'Fatoumata', 'Maëlys', 'Clémence',
  'Nour', 'Salomé', 'Margaux', 'Lucie', 'Océane', 'Maryam', 'Kenza',
] as const;

export const BOY_NAMES = [
  'Gabriel', 'Léo', 'Raphaël', 'Louis', 'Arthur', 'Jules', 'Adam', 'Maël', 'Lucas', 'Hugo', 'Noah',
  'Liam', 'Sacha', 'Mohamed', 'Nathan', 'Ethan', 'Tom', 'Paul', 'Gabin', 'Théo', 'Aaron', 'Mathis',
  'Timéo', 'Enzo', 'Yanis', 'Rayan', 'Ismaël', 'Kylian', 'Mamadou', 'Nolan', 'Baptiste', 'Axel',
  'Ibrahim', 'Samuel', 'Antoine', 'Clément', 'Bilal', 'Malo', 'Amir', 'Valentin',
] as const;

export const ADULT_FEMALE_NAMES = [
  'Sophie', 'Nathalie', 'Isabelle', 'Sandrine', 'Céline', 'Aurélie', 'Émilie', 'Karima', 'Samira',
  'Virginie', 'Stéphanie', 'Laetitia', 'Fatima', 'Aminata', 'Mélanie', 'Élodie', 'Julie', 'Nadia',
  'Christelle', 'Hélène', 'Souad', 'Marie', 'Anne', 'Caroline',
] as const;

export const ADULT_MALE_NAMES = [
  'Nicolas', 'Julien', 'Sébastien', 'Christophe', 'Stéphane', 'Mehdi', 'Karim', 'Olivier', 'David',
  'Frédéric', 'Jérôme', 'Moussa', 'Laurent', 'Cédric', 'Thierry', 'Youssef', 'Franck', 'Pascal',
  'Rachid', 'Vincent', 'Grégory', 'Fabrice', 'Jean', 'Pierre',
] as const;

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
  'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
  'Benali', 'Diallo', 'Traoré', 'Nguyen', 'Haddad', 'Mansouri', 'Keita', 'Da Silva', 'Ferreira', 'Yilmaz',
  'Brunet', 'Lacombe', 'Delmas', 'Castagné', 'Labat', 'Couderc', 'Lafon', 'Bousquet', 'Pujol', 'Vidal',
] as const;

export const STREET_NAMES = [
  'rue Jean Jaurès', 'avenue de la République', 'rue Victor Hugo', 'rue Pasteur', 'boulevard Gambetta',
  'rue des Écoles', 'allée des Tilleuls', 'rue de la Paix', 'place de la Libération', 'rue du Moulin',
  'chemin des Vignes', 'rue Émile Zola', 'avenue du Général de Gaulle', 'rue Jules Ferry', 'rue des Lilas',
  'impasse des Acacias', 'rue Paul Bert', 'rue Carnot', 'rue de la Gare', 'résidence les Peupliers',
  'rue Anatole France', 'avenue Lazare Carnot', 'rue Louise Michel', 'rue Jean Moulin', 'cité des Haras',
] as const;

export const HOME_LANGUAGES = ['fr', 'ar', 'pt', 'tr', 'es', 'wo', 'ro', 'en', 'bm', 'zh'] as const;

/** Letters of the UAI check key (I, O and Q are not used). */
const UAI_KEY = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** A valid UAI code (ex-RNE): 7 digits and the check letter (the number modulo 23). */
export function uai(sevenDigits: number): string {
  const digits = String(sevenDigits).padStart(7, '0');
  return digits + UAI_KEY[Number(digits) % 23]!;
}

/** Grades in school order. */
export const GRADES: readonly Grade[] = [
  Grade.TPS, Grade.PS, Grade.MS, Grade.GS, Grade.CP, Grade.CE1, Grade.CE2, Grade.CM1, Grade.CM2,
  Grade.SIXIEME, Grade.CINQUIEME, Grade.QUATRIEME, Grade.TROISIEME,
];

/**
 * The grade of a child born in `birthYear` during the school year that starts in September
 * of `schoolYear` (a child enters CP the year it turns 6; TPS is the year it turns 2).
 * Undefined outside TPS..TROISIEME.
 */
export function gradeFor(birthYear: number, schoolYear: number): Grade | undefined {
  return GRADES[schoolYear - birthYear - 2];
}

/** The school level a grade belongs to. */
export function levelOf(grade: Grade): 'MATERNELLE' | 'ELEMENTAIRE' | 'COLLEGE' {
  const i = GRADES.indexOf(grade);
  return i <= 3 ? 'MATERNELLE' : i <= 8 ? 'ELEMENTAIRE' : 'COLLEGE';
}

/** Age in whole years on a `YYYY-MM-DD` date. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export const OBJECTIVE_TEXTS = {
  SCHOOL: ['Retrouver une assiduité régulière', 'Consolider la lecture et la compréhension', 'Organiser son travail personnel', 'Préparer le passage au collège'],
  SOCIAL: ['Stabiliser la situation du logement', 'Accéder aux droits (CAF, CMU)', 'Rompre l\'isolement de la famille'],
  CULTURE: ['Découvrir une pratique artistique', 'Fréquenter la médiathèque'],
  EDUCATION: ['Gagner en confiance en soi', 'Mieux gérer ses émotions', 'Respecter les règles de vie collective'],
  HEALTH: ['Mettre en place un suivi orthophonique', 'Accéder à un bilan de santé', 'Améliorer le sommeil et l\'hygiène de vie'],
  SPORT: ['Pratiquer une activité sportive régulière', 'S\'inscrire dans un club'],
  PARENTING: ['Soutenir les parents dans le suivi scolaire', 'Renforcer le lien parent-enfant', 'Accompagner les parents vers l\'école'],
} as const;

export const ACTION_TITLES = {
  SCHOOL: ['Accompagnement à la scolarité', 'Coup de pouce lecture', 'Aide aux devoirs individualisée'],
  SOCIAL: ['Accompagnement vers les droits', 'Suivi par l\'assistante sociale'],
  CULTURE: ['Atelier théâtre', 'Inscription au conservatoire', 'Sorties culturelles en famille'],
  EDUCATION: ['Atelier estime de soi', 'Médiation éducative', 'Accueil au centre de loisirs'],
  HEALTH: ['Bilan orthophonique', 'Consultation CMP', 'Bilan de santé PMI'],
  SPORT: ['Licence au club de football', 'École de natation', 'Stage multisport'],
  PARENTING: ['Café des parents', 'Entretiens de soutien à la parentalité'],
} as const;
