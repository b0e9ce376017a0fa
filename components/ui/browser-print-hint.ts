/** How to print with the browser, where no script can open its print dialog (a page read without JavaScript). */
export const BROWSER_PRINT_HINT = "Pour imprimer, utilisez la commande « Imprimer » de votre navigateur (Ctrl + P, ou Cmd + P sur Mac).";
