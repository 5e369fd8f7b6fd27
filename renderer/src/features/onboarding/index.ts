export { OnboardingDialog } from './OnboardingDialog.tsx';
export { closeOnboarding, ONBOARDING_COMMANDS, openOnboarding, setUser } from './onboarding.ts';
export { OnboardingContainer } from './connected.tsx';
