"use client";

import { CategoryScale, Chart as ChartJS, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip } from "chart.js";
import { Line } from "react-chartjs-2";
import type { ActivityPoint } from "@/lib/domain/campaigns/activity-series";
import { TableScroll } from "@/components/ui/table-scroll";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend, Filler);

const frenchDay = (isoDay: string) => isoDay.split("-").reverse().join("/");
const isActive = (point: ActivityPoint | undefined) => Boolean(point && (point.newStarted > 0 || point.newShared > 0));

/**
 * « Activité des participants »: participants and results received so far, one point per calendar day (the series
 * already holds every day, so the category axis is a time axis without gaps). The table gives the same figures for
 * the days something happened.
 */
export function ActivityChart({ series, sharedLabel }: { series: ActivityPoint[]; sharedLabel: string }) {
  const activeDays = series.filter(isActive);
  return (
    <figure className="space-y-2">
      <div aria-hidden="true" className="h-64">
        <Line
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            interaction: { mode: "index", intersect: false },
            // One point per day: dots only where something happened, so that a flat stretch reads as "nothing new".
            elements: { point: { radius: (context) => (isActive(series[context.dataIndex]) ? 3 : 0) } },
            scales: {
              x: { ticks: { autoSkip: true, maxRotation: 0, callback(value) { return String(this.getLabelForValue(Number(value))).slice(0, 5); } } },
              y: { beginAtZero: true, ticks: { precision: 0 } },
            },
          }}
          data={{
            labels: series.map((d) => frenchDay(d.day)),
            datasets: [
              { label: "Participants", data: series.map((d) => d.started), borderColor: "#3d4fd6", backgroundColor: "rgba(61, 79, 214, 0.12)", fill: true },
              { label: sharedLabel, data: series.map((d) => d.shared), borderColor: "#0d7f6f", backgroundColor: "rgba(13, 127, 111, 0.12)", fill: true },
            ],
          }}
        />
      </div>
      <figcaption className="space-y-1">
        {series.length > 0 && (
          <p className="text-sm text-slate-700">
            Du {frenchDay(series[0].day)} au {frenchDay(series[series.length - 1].day)}, jour par jour ({series.length} jours).
          </p>
        )}
        <details>
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Voir les données du graphique sous forme de tableau</summary>
          <TableScroll label="Activité des participants par jour" className="mt-2">
            <table className="text-left text-sm">
              <caption className="sr-only">Activité des participants, jour par jour (jours avec une nouvelle participation ou un envoi)</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4">Jour</th>
                  <th scope="col" className="pr-4">Nouveaux participants</th>
                  <th scope="col" className="pr-4">{sharedLabel} ce jour</th>
                  <th scope="col" className="pr-4">Participants (total)</th>
                  <th scope="col">{sharedLabel} (total)</th>
                </tr>
              </thead>
              <tbody>
                {activeDays.map((d) => (
                  <tr key={d.day}>
                    <th scope="row" className="pr-4 font-normal">{frenchDay(d.day)}</th>
                    <td className="pr-4">{d.newStarted}</td>
                    <td className="pr-4">{d.newShared}</td>
                    <td className="pr-4">{d.started}</td>
                    <td>{d.shared}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      </figcaption>
    </figure>
  );
}
