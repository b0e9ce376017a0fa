import { notFound } from "next/navigation";

/**
 * Any other address under /orga (a mistyped or truncated link): the 404 of the teacher space, inside its layout,
 * instead of the app-wide one. It reads nothing and answers the same to everybody.
 */
export default function UnknownOrgaPage(): never {
  notFound();
}
