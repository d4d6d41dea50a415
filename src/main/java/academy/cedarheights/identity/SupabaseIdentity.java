package academy.cedarheights.identity;

/** Who a verified Supabase access token says the caller is. */
record SupabaseIdentity(String subject, String email) {
}
