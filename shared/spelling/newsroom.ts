/**
 * Words of today's news that the SCOWL-based dictionaries (size 60, 2020) lack, shipped with Relais and added to
 * both dictionaries when they are built. nspell's personal-dictionary format: `word` alone, or `word/model` — the
 * word takes the affixes of a known model word, so "livestream/stream" also accepts "livestreams",
 * "livestreamed", "livestreaming".
 *
 * Only common words of the language: no names (names come from the source, the glossary or the desk dictionary).
 * Variant-specific words go in the variant's own list, so "anonymise" stays a variant finding in American English.
 */
import type { EnglishVariant } from './variants.ts';

const BOTH = `
livestream/stream
livestreamer/streamer
cyberattack/attack
cybercrime/crime
cybercriminal/criminal
cybersecurity/security
cyberbullying
cyberspace
chatbot/robot
Covid
WhatsApp
TikTok
whistleblower/worker
whistleblowing
lockdown/breakdown
frontline
counterterrorism/terrorism
darknet
jihadism
Islamist/Marxist
eurozone/zone
Brexiteer/pioneer
Remainer/container
geolocation/location
geolocate/locate
influencer/producer
microtargeting
nonbinary
podcaster/broadcaster
pushback/setback
reoffend/offend
reoffender/offender
sextortion/extortion
telework/work
unfollow/follow
upskilling
videoconference/conference
vlogger/blogger
wellbeing
crypto
metaverse/universe
biometric/metric
biometrics
decrypt/encrypt
policymaking
timeframe/frame
rollout/layout
onboarding
ransomware
hotline/line
intentioned
`;

const GB = `
anonymise/organise
anonymisation/organisation
pseudonymise/organise
sexualise/organise
sexualisation/organisation
`;

const US = `
anonymize/organize
anonymization/organization
pseudonymize/organize
sexualize/organize
sexualization/organization
`;

/** The supplement for a variant, in nspell's personal-dictionary format (one entry per line). */
export function newsroomWords(variant: EnglishVariant): string {
  return `${BOTH.trim()}\n${(variant === 'en-GB' ? GB : US).trim()}\n`;
}

/**
 * First parts of hyphenated compounds that are not words on their own ("pre-trial", "e-scooter", "cyber-attack"):
 * accepted as the first part of a compound only.
 */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set([
  'pre', 'post', 'pro', 'un', 'bi', 'tri', 'quasi', 'neo', 'pseudo', 'inter', 'intra', 'sub', 'super', 'ultra', 'mega',
  'micro', 'macro', 'cyber', 'eco', 'euro', 'socio', 'geo', 'bio', 'info', 'e', 'de', 'mis', 'over', 'under', 'hyper',
]);
