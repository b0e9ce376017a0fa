import { fieldLabel, textInput } from "@/components/ui/button-styles";

type Errors = Record<string, string> | undefined;

function errorId(name: string, errors: Errors): string | undefined {
  return errors?.[name] ? `${name}-error` : undefined;
}

function FieldError({ name, errors }: { name: string; errors: Errors }) {
  const error = errors?.[name];
  return error ? (
    <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  ) : null;
}

const dateInput = "block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700";

/** "Prénom", "Nom", "Date de naissance" (Jour / Mois / Année): what a pupil types to find themselves in the roster. */
export function IdentityFields({ errors, values, readOnly = false }: { errors: Errors; values?: Record<string, string>; readOnly?: boolean }) {
  const dateError = errors?.birthdate;
  return (
    <>
      <div>
        <label htmlFor="firstName" className={fieldLabel}>Prénom</label>
        <input id="firstName" name="firstName" autoComplete="given-name" defaultValue={values?.firstName} readOnly={readOnly} required className={textInput} aria-invalid={Boolean(errors?.firstName)} aria-describedby={errorId("firstName", errors)} />
        <FieldError name="firstName" errors={errors} />
      </div>
      <div>
        <label htmlFor="lastName" className={fieldLabel}>Nom</label>
        <input id="lastName" name="lastName" autoComplete="family-name" defaultValue={values?.lastName} readOnly={readOnly} required className={textInput} aria-invalid={Boolean(errors?.lastName)} aria-describedby={errorId("lastName", errors)} />
        <FieldError name="lastName" errors={errors} />
      </div>
      <fieldset aria-describedby={["birthdate-help", dateError ? "birthdate-error" : ""].filter(Boolean).join(" ")}>
        <legend className={fieldLabel}>Date de naissance</legend>
        <p id="birthdate-help" className="mb-1 text-sm text-slate-600">Par exemple : 01 12 2011</p>
        <div className="flex gap-3">
          {[
            { name: "birthDay", label: "Jour", size: "w-20", max: 2, autoComplete: "bday-day" },
            { name: "birthMonth", label: "Mois", size: "w-20", max: 2, autoComplete: "bday-month" },
            { name: "birthYear", label: "Année", size: "w-28", max: 4, autoComplete: "bday-year" },
          ].map((part) => (
            <div key={part.name} className={part.size}>
              <label htmlFor={part.name} className="mb-1 block text-sm text-slate-800">{part.label}</label>
              <input id={part.name} name={part.name} inputMode="numeric" maxLength={part.max} autoComplete={part.autoComplete} defaultValue={values?.[part.name]} readOnly={readOnly} required className={dateInput} aria-invalid={Boolean(dateError)} />
            </div>
          ))}
        </div>
        <FieldError name="birthdate" errors={errors} />
      </fieldset>
    </>
  );
}

/** The identity step as a form: the campaign code, the fields, the error line, one submit button. */
export function IdentityForm({ code, action, state, pending, submitLabel, buttonClass }: {
  code: string;
  action: (formData: FormData) => void;
  state: { message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };
  pending: boolean;
  submitLabel: string;
  buttonClass: string;
}) {
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} noValidate className="space-y-4">
      <input type="hidden" name="code" value={code} />
      <IdentityFields errors={state.fieldErrors} values={state.values} />
      <p role="alert" className="min-h-6 text-sm font-medium text-red-700">{state.fieldErrors ? "" : state.message}</p>
      <button type="submit" className={`${buttonClass} w-full sm:w-auto`} disabled={pending}>{pending ? "Un instant…" : submitLabel}</button>
    </form>
  );
}
