import { garServiceProviderMetadata } from "@/lib/saml/service-provider";

export const dynamic = "force-dynamic";

/** Our service provider's metadata, to give to the GAR when registering the resource. */
export async function GET() {
  const metadata = garServiceProviderMetadata();
  if (!metadata) return new Response("GAR non configuré", { status: 404 });
  return new Response(metadata, { headers: { "content-type": "application/samlmetadata+xml; charset=utf-8", "cache-control": "no-store" } });
}
