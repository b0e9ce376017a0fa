"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isInSection } from "@/lib/domain/navigation/active-section";

/**
 * A navigation entry that says it is the current section (`aria-current="page"`, and the `active` style). Read on
 * the client: layouts are kept across navigations, so a server-side guess would go stale after the first click.
 */
export function NavLink({ href, exact = false, alsoOwns, className, activeClassName, children }: {
  href: string;
  /** Only the page itself, not the pages below it (« J'ai un code » is not the campaign it leads to). */
  exact?: boolean;
  alsoOwns?: readonly string[];
  className: string;
  activeClassName: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname() ?? "";
  const isCurrent = exact ? pathname === href : isInSection(pathname, href, alsoOwns);
  return (
    <Link href={href} aria-current={isCurrent ? "page" : undefined} className={`${className} ${isCurrent ? activeClassName : ""}`}>
      {children}
    </Link>
  );
}
