;;; scopecheck.el --- scopecheck in Emacs: compilation mode and flymake

;; M-x compile with "scopecheck FILE -- -Iinclude" already works: the text
;; format is the compiler's, which compilation-mode parses.  This file adds
;; M-x scopecheck and a flymake backend reading the JSON format.
;;
;;   (require 'scopecheck)
;;   (add-hook 'c-mode-hook #'scopecheck-flymake-setup)

(require 'json)
(require 'flymake)

(defgroup scopecheck nil "varscope scoping mistakes." :group 'tools)

(defcustom scopecheck-program "scopecheck" "The scopecheck executable."
  :type 'string)

(defcustom scopecheck-flags '("-Iinclude")
  "Compiler flags, used when there is no compile_commands.json."
  :type '(repeat string))

;;;###autoload
(defun scopecheck ()
  "Lint the current file with scopecheck, in a compilation buffer."
  (interactive)
  (compile (mapconcat #'shell-quote-argument
                      (append (list scopecheck-program (buffer-file-name) "--")
                              scopecheck-flags)
                      " ")))

(defvar-local scopecheck--proc nil)

(defun scopecheck-flymake (report-fn &rest _args)
  "Flymake backend: scopecheck --format json on the saved file."
  (when (process-live-p scopecheck--proc)
    (kill-process scopecheck--proc))
  (let ((source (current-buffer))
        (file (buffer-file-name)))
    (setq scopecheck--proc
          (make-process
           :name "scopecheck" :noquery t :connection-type 'pipe
           :buffer (generate-new-buffer " *scopecheck*")
           :command (append (list scopecheck-program "--format" "json" "--quiet"
                                  file "--")
                            scopecheck-flags)
           :sentinel
           (lambda (proc _event)
             (when (memq (process-status proc) '(exit signal))
               (unwind-protect
                   (with-current-buffer (process-buffer proc)
                     (goto-char (point-min))
                     (let* ((doc (ignore-errors (json-parse-buffer :object-type 'alist)))
                            (findings (alist-get 'findings doc))
                            diags)
                       (seq-doseq (f findings)
                         (when (string= (expand-file-name (alist-get 'file f))
                                        (expand-file-name file))
                           (let* ((start (alist-get 'start (alist-get 'range f)))
                                  (region (flymake-diag-region
                                           source (alist-get 'line start)
                                           (alist-get 'column start))))
                             (push (flymake-make-diagnostic
                                    source (car region) (cdr region)
                                    (pcase (alist-get 'severity f)
                                      ("error" :error) ("warning" :warning) (_ :note))
                                    (format "%s [%s]" (alist-get 'message f)
                                            (alist-get 'rule f)))
                                   diags))))
                       (funcall report-fn diags)))
                 (kill-buffer (process-buffer proc)))))))))

;;;###autoload
(defun scopecheck-flymake-setup ()
  "Use scopecheck as a flymake backend in this buffer."
  (add-hook 'flymake-diagnostic-functions #'scopecheck-flymake nil t)
  (flymake-mode 1))

(provide 'scopecheck)
;;; scopecheck.el ends here
