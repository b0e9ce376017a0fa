/**
 * TEST MATERIAL — the configuration files of a SimpleSAMLphp 1.19 identity provider playing the GAR, written into
 * a scratch folder given to it through SIMPLESAMLPHP_CONFIG_DIR. Our service providers are registered from the
 * metadata they publish at /api/saml/metadata, read by SimpleSAMLphp's own parser.
 */
import { GAR_TEST_PUPILS } from "./accounts";

/** A JavaScript value as a PHP literal (strings single-quoted: only \ and ' are special there). */
export function php(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
  if (Array.isArray(value)) return `[${value.map(php).join(", ")}]`;
  return `[${Object.entries(value as Record<string, unknown>).map(([key, item]) => `${php(key)} => ${php(item)}`).join(", ")}]`;
}

export type IdentityProviderFiles = {
  port: number;
  folder: string;
  entityId: string;
  secret: string;
  /** Each service provider: its metadata file (in metadata/) and what this IdP adds to its registration. */
  serviceProviders: { metadataFile: string; extra: Record<string, unknown> }[];
};

export function configPhp(files: IdentityProviderFiles): string {
  const folder = (name: string) => `${files.folder}/${name}/`;
  return `<?php
$config = ${php({
    baseurlpath: `http://127.0.0.1:${files.port}/`,
    certdir: folder("cert"),
    loggingdir: folder("log"),
    datadir: folder("data"),
    tempdir: folder("tmp"),
    metadatadir: folder("metadata"),
    "metadata.sources": [{ type: "flatfile" }],
    technicalcontact_name: "Pix Libre e2e",
    technicalcontact_email: "e2e@example.invalid",
    secretsalt: files.secret,
    "auth.adminpassword": files.secret,
    "admin.checkforupdates": false,
    "enable.saml20-idp": true,
    "module.enable": { exampleauth: true, core: true, saml: true },
    "logging.handler": "stderr",
    "store.type": "phpsession",
    "session.phpsession.savepath": folder("sessions"),
    // Several instances share the host 127.0.0.1: one cookie name each. Plain HTTP on loopback: no Secure flag.
    "session.cookie.name": `SimpleSAMLSessionID${files.port}`,
    "session.phpsession.cookiename": `SimpleSAML${files.port}`,
    "session.authtoken.cookiename": `SimpleSAMLAuthToken${files.port}`,
    "session.cookie.secure": false,
    "session.cookie.samesite": null,
    "language.cookie.secure": false,
    "language.cookie.samesite": null,
    "language.default": "fr",
    production: true,
  })};
`;
}

export function authsourcesPhp(): string {
  const users = Object.fromEntries(Object.values(GAR_TEST_PUPILS).map((pupil) => [`${pupil.username}:${pupil.password}`, pupil.attributes]));
  return `<?php
$config = ${php({ admin: ["core:AdminPassword"], "eleves-gar": { 0: "exampleauth:UserPass", ...users } })};
`;
}

export function idpHostedPhp(files: IdentityProviderFiles): string {
  return `<?php
$metadata[${php(files.entityId)}] = ${php({
    host: "__DEFAULT__",
    privatekey: "idp.key",
    certificate: "idp.crt",
    auth: "eleves-gar",
    // The GAR sends IDO, PRE, NOM, UAI as basic attribute names.
    "attributes.NameFormat": "urn:oasis:names:tc:SAML:2.0:attrname-format:basic",
  })};
`;
}

/** Our service providers, registered from their metadata (plus this IdP's per-SP options). */
export function spRemotePhp(files: IdentityProviderFiles): string {
  const registrations = files.serviceProviders.map((sp) => `$register(__DIR__ . ${php(`/${sp.metadataFile}`)}, ${php(sp.extra)});`).join("\n");
  return `<?php
$register = function (string $file, array $extra) use (&$metadata) {
    foreach (\\SimpleSAML\\Metadata\\SAMLParser::parseDescriptorsFile($file) as $entity) {
        $sp = $entity->getMetadata20SP();
        $metadata[$sp['entityid']] = array_merge($sp, $extra);
    }
};
${registrations}
`;
}
