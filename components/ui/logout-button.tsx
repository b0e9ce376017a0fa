"use client";

import { signOut } from "next-auth/react";

export function LogoutButton({ callbackUrl, className }: { callbackUrl: string; className?: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl })} className={className ?? "font-medium text-brand-700 underline hover:no-underline"}>
      Se déconnecter
    </button>
  );
}
