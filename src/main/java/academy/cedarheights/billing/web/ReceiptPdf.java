package academy.cedarheights.billing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import academy.cedarheights.billing.Receipts;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A receipt as a PDF to print or file: its own page (strict XHTML, the fonts the library carries) rendered by
 * openhtmltopdf in the JVM — no browser, no network.
 */
@Component
class ReceiptPdf {

    private final TemplateEngine templates;

    ReceiptPdf(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] of(Receipts.Receipt receipt) {
        Context context = new Context(Locale.CANADA);
        context.setVariable("receipt", receipt);
        String xhtml = templates.process("billing/receipt-pdf", context);
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(xhtml, null).toStream(pdf).run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt could not be rendered", e);
        }
    }
}
