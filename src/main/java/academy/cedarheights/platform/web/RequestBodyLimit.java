package academy.cedarheights.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body is read beyond a limit: 1 MiB (no form or JSON of ours comes near it), 512 KiB for the Stripe
 * webhook (Stripe's events are a few KiB). A declared length over the limit is answered 413 before anything is
 * read; a body without a declared length is counted as it is read and refused the moment it passes the limit — never
 * held whole in memory. Tomcat then discards up to {@code server.tomcat.max-swallow-size} of what is still coming, so
 * the client reads the 413 (closing on unread input would reset the connection under it), and closes the connection
 * on anything larger.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestBodyLimit extends OncePerRequestFilter {

    public static final long LIMIT = 1024 * 1024;
    public static final long WEBHOOK_LIMIT = 512 * 1024;
    private final ProblemSecurityHandlers problems;

    RequestBodyLimit(ProblemSecurityHandlers problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith("/api/v1/webhooks/") ? WEBHOOK_LIMIT : LIMIT;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        try {
            chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, limit) : request, response);
        } catch (BodyTooLarge tooLarge) {
            refuseUnlessAnswered(request, response, limit);
        } catch (ServletException failed) {
            if (!(failed.getCause() instanceof BodyTooLarge)) {
                throw failed;
            }
            refuseUnlessAnswered(request, response, limit);
        }
    }

    /** Past the limit while the body was read: the 413, unless an answer has already gone out. */
    private void refuseUnlessAnswered(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            refuse(request, response, limit);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body is larger than " + limit / 1024 + " KiB."), request);
    }

    /** Thrown by a counted body the moment it passes the limit; answered 413. */
    public static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(long limit) {
            super("The request body is larger than " + limit / 1024 + " KiB.");
        }
    }

    private static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream(), limit);
            }
            return counted;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
