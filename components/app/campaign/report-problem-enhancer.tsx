"use client";

import { useEffect } from "react";
import { enhanceReportForm } from "./report-problem-script";

/** Turns the report form with this id into an in-place post (report-problem-script.ts); renders nothing. */
export function ReportProblemEnhancer({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    return form instanceof HTMLFormElement ? enhanceReportForm(form) : undefined;
  }, [formId]);
  return null;
}
