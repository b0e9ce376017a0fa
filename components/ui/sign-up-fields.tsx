import { fieldLabel, textInput } from "./button-styles";
import { PASSWORD_RULE_TEXT } from "@/lib/domain/accounts/password-policy";

type Errors = Record<string, string> | undefined;

function Field({ name, label, type = "text", autoComplete, errors, defaultValue, help }: { name: string; label: string; type?: string; autoComplete: string; errors: Errors; defaultValue?: string; help?: string }) {
  const error = errors?.[name];
  const describedBy = [help ? `${name}-help` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className={fieldLabel}>
        {label}
      </label>
      {help && (
        <p id={`${name}-help`} className="mb-1 text-sm text-slate-600">
          {help}
        </p>
      )}
      <input id={name} name={name} type={type} autoComplete={autoComplete} defaultValue={defaultValue} className={textInput} aria-invalid={Boolean(error)} aria-describedby={describedBy} required />
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Prénom, nom, e-mail, mot de passe, CGU: the sign-up fields shared by teachers and pupils. */
export function SignUpFields({ errors, defaultEmail, values }: { errors: Errors; defaultEmail?: string; values?: Record<string, string> }) {
  const termsError = errors?.acceptTerms;
  return (
    <>
      <Field name="firstName" label="Prénom" autoComplete="given-name" errors={errors} defaultValue={values?.firstName} />
      <Field name="lastName" label="Nom" autoComplete="family-name" errors={errors} defaultValue={values?.lastName} />
      <Field name="email" label="Adresse e-mail" type="email" autoComplete="email" errors={errors} defaultValue={values?.email ?? defaultEmail} />
      <Field name="password" label="Mot de passe" type="password" autoComplete="new-password" errors={errors} help={PASSWORD_RULE_TEXT} />
      <div>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="acceptTerms" className="mt-1" defaultChecked={values?.acceptTerms === "on"} aria-invalid={Boolean(termsError)} aria-describedby={termsError ? "acceptTerms-error" : undefined} />
          <span>
            J&apos;accepte les{" "}
            <a href="/conditions-utilisation" className="text-brand-700 underline" target="_blank" rel="noopener">
              conditions d&apos;utilisation
            </a>
          </span>
        </label>
        {termsError && (
          <p id="acceptTerms-error" className="mt-1 text-sm font-medium text-red-700">
            {termsError}
          </p>
        )}
      </div>
    </>
  );
}
