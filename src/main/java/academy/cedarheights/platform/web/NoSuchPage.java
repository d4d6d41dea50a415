package academy.cedarheights.platform.web;

/** A page this deployment does not offer (switched off by its configuration): answered as any missing page is. */
public class NoSuchPage extends ResourceNotFound {

    public NoSuchPage() {
        super("There is no such page here.");
    }
}
