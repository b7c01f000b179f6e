;;; flymake_test.el --- contrib/emacs/scopecheck.el in Emacs -*- lexical-binding: t; -*-
;; emacs --batch -l README-LINES.el -l flymake_test.el: Flymake itself
;; with the backend, set up by the README's lines (`scopecheck` on PATH),
;; and the backend called as Flymake calls it.  Writes TAP lines to $OUT.
;; Environment: FILE (the failing program), LINE (the library's line),
;; NOISY (a scopecheck that also prints to stderr), BAD (a scopecheck
;; that exits 2).

(require 'cl-lib)
(defvar out-lines nil)
(defun ok (cond name &optional why)
  (push (format "%s - %s" (if cond "ok" "not ok") name) out-lines)
  (when (and (not cond) why)
    (dolist (l (split-string (format "%S" why) "\n"))
      (push (concat "# " l) out-lines))))
(defun wait-for (pred &optional secs)
  (let ((deadline (+ (float-time) (or secs 60))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun dtype-diags ()
  (cl-remove-if-not (lambda (d) (string-match-p "\\[missing-dtype\\]" (flymake-diagnostic-text d)))
                    (flymake-diagnostics)))

(condition-case err
    (progn
      ;; c-mode also offers flymake-cc, which runs make: not in this test
      (add-hook 'c-mode-hook
                (lambda () (remove-hook 'flymake-diagnostic-functions #'flymake-cc t)))
      (remove-hook 'flymake-diagnostic-functions #'flymake-proc-legacy-flymake)
      (find-file (getenv "FILE"))
      (setq-local flymake-no-changes-timeout nil)
      (ok (and (eq major-mode 'c-mode) flymake-mode
               (memq #'scopecheck-flymake flymake-diagnostic-functions))
          "with the README's lines, a C file gets Flymake with the scopecheck backend"
          (list major-mode flymake-diagnostic-functions))
      ;; 1. Flymake with the backend
      (flymake-start)
      (ok (wait-for #'dtype-diags) "Flymake reports the missing-dtype finding"
          (flymake-diagnostics))
      (let* ((d (car (dtype-diags)))
             (line (string-to-number (getenv "LINE")))
             (call (save-excursion (goto-char (point-min)) (forward-line (1- line))
                                   (search-forward "vs_get_variable" (line-end-position))
                                   (match-beginning 0))))
        (ok (and d (= (flymake-diagnostic-beg d) call) (eq (flymake-diagnostic-type d) :error))
            "an error at the call the library reports (columns in characters: the line has non-ASCII text)"
            (list d call))
        ;; 2. the unsaved buffer is what is checked
        (goto-char call)
        (search-forward "\"x\")")
        (backward-char 1)
        (insert ", .dtype = VS_INT32")
        (flymake-start)
        (ok (wait-for (lambda () (not (dtype-diags))))
            "after an unsaved edit that adds .dtype the diagnostic goes" (flymake-diagnostics))
        (ok (not (string-match-p "VS_INT32" (with-temp-buffer (insert-file-contents (getenv "FILE"))
                                                               (buffer-string))))
            "the file on disk is untouched"))
      (flymake-mode -1)
      (revert-buffer t t)
      ;; 3. a check made obsolete by the next one reports nothing
      (let (first second)
        (scopecheck-flymake (lambda (&rest r) (push r first)))
        (scopecheck-flymake (lambda (&rest r) (push r second)))
        (wait-for (lambda () second))
        (accept-process-output nil 0.5)
        (ok (and (null first) second (= (length second) 1))
            "a check started while another runs: only the newer one reports"
            (list first second)))
      ;; 4. standard error apart from the JSON
      (let ((scopecheck-program (getenv "NOISY")) got)
        (scopecheck-flymake (lambda (&rest r) (setq got r)))
        (wait-for (lambda () got))
        (ok (and (listp (car got)) (cl-some (lambda (d) (string-match-p "missing-dtype" (flymake-diagnostic-text d)))
                                            (car got)))
            "a scopecheck that also writes to stderr: its JSON is still read" got))
      ;; 5. exit 2: :panic, with stderr as the explanation
      (let ((scopecheck-program (getenv "BAD")) got)
        (scopecheck-flymake (lambda (&rest r) (setq got r)))
        (wait-for (lambda () got))
        (ok (and (eq (car got) :panic) (string-match-p "unknown option" (plist-get (cdr got) :explanation)))
            "exit status 2 (a bad option): :panic, explained by stderr" got))
      ;; 6. a buffer that does not parse (while typing): its error, not a panic
      (goto-char (point-min))
      (search-forward "vs_graph_free(g);")
      (delete-char -1)
      (let (got)
        (scopecheck-flymake (lambda (&rest r) (setq got r)))
        (wait-for (lambda () got))
        (ok (and (listp (car got)) (car got)
                 (cl-some (lambda (d) (string-match-p "does not parse" (flymake-diagnostic-text d))) (car got)))
            "a buffer that does not parse: the compiler's error is reported, the backend stays" got)))
  (error (ok nil "the flymake test ran to its end" err)))

(with-temp-file (getenv "OUT")
  (dolist (l (reverse out-lines)) (insert l "\n")))
(kill-emacs 0)
