;;; scopecheck.el --- varscope scoping mistakes in Emacs  -*- lexical-binding: t; -*-

;;; Commentary:

;; scopecheck (https://github.com/scopecheck/scopecheck) finds the scoping
;; mistakes of C programs that use varscope before they run.  This file
;; gives Emacs (27 and later):
;;
;;   - a Flymake backend: the buffer's text as it is (saved or not) is
;;     checked in its whole program, the other files read from disk;
;;         (require 'scopecheck)
;;         (add-hook 'c-mode-hook #'scopecheck-flymake-setup)
;;   - M-x scopecheck: the current file in a compilation buffer (the text
;;     format is the compiler's, which compilation-mode reads).
;;
;; Emacs 29 and later can use the language server instead, with Eglot:
;;     (add-to-list 'eglot-server-programs '((c-mode c-ts-mode) "scopecheck" "--lsp"))
;;
;; Compile flags come from compile_commands.json; for a project without
;; one, set `scopecheck-flags' (a .dir-locals.el is a good place).

;;; Code:

(require 'compile)
(require 'flymake)
(require 'json)
(require 'subr-x)

(defgroup scopecheck nil
  "varscope scoping mistakes."
  :group 'tools)

(defcustom scopecheck-program "scopecheck"
  "The scopecheck executable."
  :type 'string)

(defcustom scopecheck-flags nil
  "Compiler flags, for projects without compile_commands.json.
They are given after \"--\", e.g. (\"-Iinclude\" \"-DUSE_X\")."
  :type '(repeat string))

;;;###autoload
(defun scopecheck ()
  "Check the current file with scopecheck, in a compilation buffer."
  (interactive)
  (compile (mapconcat #'shell-quote-argument
                      (append (list scopecheck-program (buffer-file-name))
                              (when scopecheck-flags (cons "--" scopecheck-flags)))
                      " ")))

(defvar-local scopecheck--flymake-proc nil
  "The scopecheck process of the buffer's last Flymake check.")

(defun scopecheck--read-json ()
  "The JSON document in the current buffer, as alists and lists, or nil."
  (goto-char (point-min))
  (condition-case nil
      (if (and (fboundp 'json-parse-buffer)
               (or (not (fboundp 'json-available-p)) (json-available-p)))
          (json-parse-buffer :object-type 'alist :array-type 'list
                             :null-object nil :false-object nil)
        (let ((json-object-type 'alist) (json-array-type 'list))
          (json-read)))
    (error nil)))

(defun scopecheck--position (source line column)
  "The position in SOURCE of 1-based LINE and COLUMN (in characters)."
  (with-current-buffer source
    (save-excursion
      (save-restriction
        (widen)
        (goto-char (point-min))
        (forward-line (1- line))
        (min (+ (point) (max 0 (1- column))) (line-end-position))))))

(defun scopecheck--same-file (a b)
  "Whether file names A and B name one file."
  (string= (expand-file-name a) (expand-file-name b)))

(defun scopecheck--diagnostics (doc source file)
  "Flymake diagnostics of the findings of DOC located in FILE (SOURCE)."
  (let (diags)
    (dolist (f (alist-get 'findings doc))
      (when (scopecheck--same-file (alist-get 'file f) file)
        (let* ((range (alist-get 'range f))
               (start (alist-get 'start range))
               (end (alist-get 'end range))
               (beg (scopecheck--position source (alist-get 'line start)
                                          (alist-get 'column start)))
               (stop (scopecheck--position source (alist-get 'line end)
                                           (alist-get 'column end))))
          (push (flymake-make-diagnostic
                 source beg (max stop (1+ beg))
                 (pcase (alist-get 'severity f)
                   ("error" :error) ("warning" :warning) (_ :note))
                 (format "%s [%s]" (alist-get 'message f) (alist-get 'rule f)))
                diags))))
    (nreverse diags)))

(defun scopecheck--parse-errors (doc source file)
  "The compiler's errors in FILE that stopped scopecheck, as diagnostics.
nil unless every problem DOC reports is one of them: a buffer being
typed does not parse now and then, which is no reason to disable the
backend."
  (let (diags (all t))
    (dolist (e (alist-get 'errors doc))
      (if (string-match "\\`\\(.*\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:fatal \\)?error: \\(.*\\)\\'" e)
          (if (scopecheck--same-file (match-string 1 e) file)
              (let ((beg (scopecheck--position source
                                               (string-to-number (match-string 2 e))
                                               (string-to-number (match-string 3 e))))
                    (msg (match-string 4 e)))
                (push (flymake-make-diagnostic source beg (1+ beg) :error
                                               (concat "does not parse: " msg))
                      diags))
            (setq all nil))
        (setq all nil)))
    (and all diags (nreverse diags))))

(defun scopecheck--stderr (buffer)
  "The text of BUFFER, once its process has said all."
  (let ((proc (get-buffer-process buffer)) (n 0))
    (while (and proc (process-live-p proc) (< n 20))
      (accept-process-output proc 0.05)
      (setq n (1+ n))))
  (with-current-buffer buffer (string-trim (buffer-string))))

(defun scopecheck--flymake-done (proc source file stderr report-fn)
  "Report what PROC, checking SOURCE as FILE, found, through REPORT-FN."
  (let* ((status (process-exit-status proc))
         (doc (with-current-buffer (process-buffer proc) (scopecheck--read-json)))
         (parse-errors (and doc (eql status 2)
                            (scopecheck--parse-errors doc source file))))
    (cond
     ((and doc (memq status '(0 1)) (eq (process-status proc) 'exit))
      (funcall report-fn (scopecheck--diagnostics doc source file)))
     (parse-errors
      (funcall report-fn (append (scopecheck--diagnostics doc source file)
                                 parse-errors)))
     (t
      ;; exit 2 (a bad option, flags or configuration), or no JSON: this
      ;; backend cannot work here until that is mended
      (funcall report-fn :panic
               :explanation (format "scopecheck exited with status %s: %s"
                                    status (scopecheck--stderr stderr)))))))

(defun scopecheck-flymake (report-fn &rest _args)
  "Flymake backend: the buffer's text checked by scopecheck.
The text goes to standard input (--stdin-filename), so what is checked is
what the buffer holds; the program's other files are read from disk.
REPORT-FN is Flymake's callback."
  (unless (executable-find scopecheck-program)
    (error "Cannot find the scopecheck program (%s)" scopecheck-program))
  ;; a check still running is obsolete: the buffer has changed since
  (when (process-live-p scopecheck--flymake-proc)
    (kill-process scopecheck--flymake-proc))
  (let* ((source (current-buffer))
         (file (or (buffer-file-name) (expand-file-name (buffer-name))))
         ;; standard error apart: it is never read as part of the JSON
         ;; (a pipe process of our own, whose sentinel writes nothing)
         (stderr (generate-new-buffer " *scopecheck-flymake-stderr*"))
         (stderr-proc (make-pipe-process :name "scopecheck-flymake-stderr"
                                         :buffer stderr :noquery t
                                         :sentinel #'ignore)))
    (save-restriction
      (widen)
      (setq
       scopecheck--flymake-proc
       (make-process
        :name "scopecheck-flymake" :noquery t :connection-type 'pipe
        :buffer (generate-new-buffer " *scopecheck-flymake*")
        :stderr stderr-proc
        :command (append (list scopecheck-program "--format=json" "--quiet"
                               "--color=never" (concat "--stdin-filename=" file))
                         (when scopecheck-flags (cons "--" scopecheck-flags)))
        :sentinel
        (lambda (proc _event)
          (when (memq (process-status proc) '(exit signal))
            (unwind-protect
                (if (with-current-buffer source (eq proc scopecheck--flymake-proc))
                    (scopecheck--flymake-done proc source file stderr report-fn)
                  (flymake-log :warning "Canceling obsolete check %s" proc))
              (kill-buffer (process-buffer proc))
              (delete-process stderr-proc)
              (kill-buffer stderr))))))
      (process-send-region scopecheck--flymake-proc (point-min) (point-max))
      (process-send-eof scopecheck--flymake-proc))))

;;;###autoload
(defun scopecheck-flymake-setup ()
  "Use scopecheck as a Flymake backend in this buffer."
  (add-hook 'flymake-diagnostic-functions #'scopecheck-flymake nil t)
  (flymake-mode 1))

(provide 'scopecheck)
;;; scopecheck.el ends here
