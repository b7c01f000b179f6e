-- Neovim's own LSP client (headless) against scopecheck --lsp, set up by
-- the README's init.lua (nvim -u it; `scopecheck` on PATH).  Writes TAP
-- lines to $OUT.  Environment: FILE (a C file whose second get_variable
-- fails: the line holds non-ASCII text before the call), LINE (1-based,
-- the library's report of it).
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function ok(cond, name, why)
  out:write((cond and 'ok - ' or 'not ok - ') .. name .. '\n')
  if not cond and why then
    for l in tostring(why):gmatch('[^\n]+') do out:write('# ' .. l .. '\n') end
  end
  out:flush()
end
local function finish()
  out:close()
  vim.cmd('qa!')
end

local ok_load, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('FILE')))
end)
ok(ok_load and vim.bo.filetype == 'c', 'with the README\'s init.lua, a C file opens', err)

local line = tonumber(os.getenv('LINE')) - 1
local function wait_for(pred, ms)
  return vim.wait(ms or 60000, pred, 50)
end
local function dtype_diags()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'missing-dtype' then table.insert(found, d) end
  end
  return found
end

ok(#vim.lsp.get_active_clients() >= 0 and wait_for(function() return #dtype_diags() > 0 end),
   'a missing-dtype diagnostic arrives', vim.inspect(vim.diagnostic.get(0)))
local d = dtype_diags()[1]
local text = vim.api.nvim_buf_get_lines(0, line, line + 1, false)[1] or ''
local call = text:find('vs_get_variable', 1, true)
ok(d and d.lnum == line and call and d.col == call - 1,
   'at the line the library reports, at the byte column of the call (Neovim converted UTF-16)',
   vim.inspect({ d = d, line = line, col = call and call - 1 }))
ok(d and d.severity == vim.diagnostic.severity.ERROR and d.source == 'scopecheck',
   'an error, from scopecheck', vim.inspect(d))

-- the buffer edited, not saved: .dtype added before ')' of the call
local close = text:find('");', call, true)
vim.api.nvim_buf_set_text(0, line, close + 1, line, close + 1, { ', .dtype = VS_INT32' })
ok(wait_for(function() return #dtype_diags() == 0 end),
   'after an unsaved edit that adds .dtype the diagnostic goes')
ok(vim.fn.readfile(os.getenv('FILE'))[line + 1] == text,
   'the file on disk is untouched')

-- undone: it comes back; its quick fix, applied, removes it again
vim.api.nvim_buf_set_lines(0, line, line + 1, false, { text })
ok(wait_for(function() return #dtype_diags() > 0 end), 'undone: the diagnostic is back')
d = dtype_diags()[1]
local params = vim.lsp.util.make_range_params()
params.range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.lnum, character = 1 } }
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, d.lnum) }
local results = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 20000) or {}
local action
for _, r in pairs(results) do
  for _, a in ipairs(r.result or {}) do
    if a.kind == 'quickfix' then action = a end
  end
end
ok(action and action.edit, 'a quick fix with a workspace edit', vim.inspect(results))
if action then
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local fixed = vim.api.nvim_buf_get_lines(0, line, line + 1, false)[1]
  ok(fixed:find('.dtype = VS_INT32', 1, true) ~= nil,
     'applied by Neovim, it adds .dtype = VS_INT32 to the call', fixed)
  ok(wait_for(function() return #dtype_diags() == 0 end), 'and the diagnostic goes')
end
finish()
