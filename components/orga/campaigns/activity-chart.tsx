"use client";

import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from "chart.js";
import { Line } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

type Day = { day: string; started: number; shared: number };

const frenchDay = (isoDay: string) => isoDay.split("-").reverse().join("/");

/** "Activité des participants": cumulated starts and results received per day, with a table for screen readers. */
export function ActivityChart({ days }: { days: Day[] }) {
  return (
    <figure className="space-y-2">
      <div aria-hidden="true" className="h-64">
        <Line
          options={{ responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
          data={{
            labels: days.map((d) => frenchDay(d.day)),
            datasets: [
              { label: "Participants", data: days.map((d) => d.started), borderColor: "#3d4fd6", backgroundColor: "#3d4fd6" },
              { label: "Résultats reçus", data: days.map((d) => d.shared), borderColor: "#0d7f6f", backgroundColor: "#0d7f6f" },
            ],
          }}
        />
      </div>
      <figcaption>
        <details>
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Voir les données du graphique sous forme de tableau</summary>
          <table className="mt-2 text-left text-sm">
            <caption className="sr-only">Activité des participants par jour (cumul)</caption>
            <thead>
              <tr><th scope="col" className="pr-6">Jour</th><th scope="col" className="pr-6">Participants</th><th scope="col">Résultats reçus</th></tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day}><th scope="row" className="pr-6 font-normal">{frenchDay(d.day)}</th><td className="pr-6">{d.started}</td><td>{d.shared}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
