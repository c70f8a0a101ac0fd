import { Section } from "../../components/ui";
import { Link } from "../../router";

/** The way to the approval screen for a phone showing a sign-in code. */
export function OtherDeviceSection() {
  return (
    <Section
      id="other-device"
      title="Sign in another device"
      intro="A phone or computer without your passkey can show a code on its sign-in screen (“Sign in with another device”). Approve it here."
    >
      <Link href="/device" class="btn btn-secondary">
        Enter a code
      </Link>
    </Section>
  );
}
