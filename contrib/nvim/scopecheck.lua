-- Neovim.  Two ways:
--
-- 1. :make into the quickfix list (the text format is the compiler's, so
--    the default 'errorformat' for gcc already reads it; this one also
--    keeps the rule id):
--      :lua require('scopecheck').setup_make()   then   :make
--
-- 2. nvim-lint (https://github.com/mfussenegger/nvim-lint), from the JSON
--    format, on save:
--      require('lint').linters.scopecheck = require('scopecheck').linter
--      require('lint').linters_by_ft.c = { 'scopecheck' }
local M = {}

function M.setup_make(flags)
  vim.opt.makeprg = 'scopecheck % -- ' .. (flags or '-Iinclude')
  vim.opt.errorformat = '%f:%l:%c: %trror: %m,%f:%l:%c: %tarning: %m,%f:%l:%c: %tote: %m,%-G%.%#'
end

local severities = {
  error = vim.diagnostic.severity.ERROR,
  warning = vim.diagnostic.severity.WARN,
  note = vim.diagnostic.severity.INFO,
}

M.linter = {
  cmd = 'scopecheck',
  stdin = false,
  append_fname = false,
  args = { '--format', 'json', '--quiet', function() return vim.api.nvim_buf_get_name(0) end,
           '--', '-Iinclude' },
  stream = 'stdout',
  ignore_exitcode = true,          -- 1 means "findings", not a failure
  parser = function(output, bufnr)
    local ok, doc = pcall(vim.json.decode, output)
    if not ok or not doc.findings then return {} end
    local diags = {}
    local name = vim.api.nvim_buf_get_name(bufnr)
    for _, f in ipairs(doc.findings) do
      if vim.fn.fnamemodify(f.file, ':p') == vim.fn.fnamemodify(name, ':p') then
        table.insert(diags, {
          lnum = f.range.start.line - 1,
          col = f.range.start.column - 1,
          end_lnum = f.range['end'].line - 1,
          end_col = f.range['end'].column - 1,
          severity = severities[f.severity],
          message = f.message,
          code = f.rule,
          source = 'scopecheck',
        })
      end
    end
    return diags
  end,
}

return M
