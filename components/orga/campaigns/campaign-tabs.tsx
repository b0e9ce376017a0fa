"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function CampaignTabs({ campaignId, sharedCount }: { campaignId: number; sharedCount: number }) {
  const pathname = usePathname();
  const base = `/orga/campagnes/${campaignId}`;
  const tabs = [
    { href: base, label: "Activité" },
    { href: `${base}/suivi`, label: "Suivi en direct" },
    { href: `${base}/resultats`, label: `Résultats (${sharedCount})` },
    { href: `${base}/analyse`, label: "Analyse" },
    { href: `${base}/parametres`, label: "Paramètres" },
  ];
  return (
    <ul className="flex flex-wrap gap-1">
      {tabs.map((tab) => {
        // A tab stays current on its sub-pages (Analyse › Questions); Activité is the campaign's own address only.
        const active = pathname === tab.href || (tab.href !== base && pathname.startsWith(`${tab.href}/`));
        return (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={active ? "page" : undefined} className={`inline-block border-b-2 px-3 py-2 font-semibold ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-700 hover:border-slate-300"}`}>
              {tab.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
