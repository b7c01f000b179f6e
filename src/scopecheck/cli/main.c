/* scopecheck: finds varscope scoping mistakes before the program runs. */
#include "driver.h"
#include "options.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SC_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SC_ASAN 1
#endif

#ifdef SC_ASAN
/* The sanitized build (make check): LeakSanitizer's record of the dynamic
 * TLS of libclang, which is dlopen'ed, can hold a bogus block (seen with
 * gcc 12's libsanitizer: "DTLS 6 at 0x32f-0x800001431", then "Tracer
 * caught signal 11" and a fatal error at exit, on some files once the
 * compiler view defines gcc's __GNUC__).  Thread-local storage is not
 * scanned for pointers then (which can only report more leaks, never
 * hide one); the one block only TLS holds, glibc's dlerror buffer, is
 * not ours. */
const char *__lsan_default_options(void);
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void)
{
    return "use_tls=0:print_suppressions=0";
}
const char *__lsan_default_suppressions(void)
{
    return "leak:_dlerror_run\n";
}
#endif

int main(int argc, char **argv)
{
    sc_options o;
    if (!options_parse(&o, argc, argv)) {
        options_free(&o);
        return 2;
    }
    int status = sc_run(&o);
    options_free(&o);
    return status;
}
