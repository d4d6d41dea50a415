package academy.cedarheights.families.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import academy.cedarheights.families.FamilyImport;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import page: upload the spreadsheet, check what it would do, then import it. */
@WebPage
class ImportPages {

    private final FamilyImport imports;

    ImportPages(FamilyImport imports) {
        this.imports = imports;
    }

    @GetMapping("/admin/import")
    String page() {
        return "families/import";
    }

    @PostMapping("/admin/import")
    String upload(CurrentSchool school, Caller caller, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "mode", defaultValue = "check") String mode, Model model,
                  HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("problem", "Choose the CSV file to import.");
            return "families/import";
        }
        try {
            String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
            model.addAttribute("result", imports.run(school.id(), caller.email(), csv, !"import".equals(mode)));
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (InvalidField unreadable) {
            response.setStatus(400);
            model.addAttribute("problem", "The file " + unreadable.getMessage() + ".");
        }
        return "families/import";
    }
}
