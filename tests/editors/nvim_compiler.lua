-- contrib/vim/compiler/scopecheck.vim in Neovim (headless), set up by the
-- README's lines (nvim -u them; `scopecheck` on PATH): :compiler
-- scopecheck sets buffer-local options only, :make fills the quickfix list
-- from the text output (findings, their notes, and scopecheck's own
-- errors, which must not look like a clean run), with a file name that
-- has spaces.  Writes TAP lines to $OUT.  Environment: FILE (the failing
-- program, under a directory with spaces), LINE (the library's line),
-- BROKEN (a file that does not parse).
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function ok(cond, name, why)
  out:write((cond and 'ok - ' or 'not ok - ') .. name .. '\n')
  if not cond and why then
    for l in tostring(why):gmatch('[^\n]+') do out:write('# ' .. l .. '\n') end
  end
  out:flush()
end

local run = function()
  local global_makeprg = vim.go.makeprg
  local global_efm = vim.go.errorformat
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('FILE')))
  ok(vim.bo.makeprg:find('scopecheck --quiet %:S', 1, true) ~= nil,
     'opening a C file runs :compiler scopecheck: the buffer\'s makeprg, with the file name quoted (%:S)',
     vim.bo.makeprg)
  ok(vim.go.makeprg == global_makeprg and vim.go.errorformat == global_efm,
     'the global makeprg and errorformat are untouched', vim.go.makeprg)
  vim.cmd('silent make')
  local qf = vim.fn.getqflist()
  local line = tonumber(os.getenv('LINE'))
  local hit
  for _, e in ipairs(qf) do
    if e.valid == 1 and e.lnum == line and e.text:find('[missing-dtype]', 1, true) then hit = e end
  end
  ok(hit and hit.type == 'e' and vim.api.nvim_buf_get_name(hit.bufnr) == os.getenv('FILE'),
     ':make: the finding, an error at the library\'s line of the file whose name has spaces',
     vim.inspect(qf))
  local notes = 0
  for _, e in ipairs(qf) do
    if e.valid == 1 and e.type == 'n' then notes = notes + 1 end
  end
  ok(notes >= 1, ':make: its notes are entries too (type n)', vim.inspect(qf))
  -- another buffer (not C) keeps the global options
  vim.cmd('enew')
  ok(vim.o.makeprg == global_makeprg and vim.o.errorformat == global_efm,
     'another buffer keeps the global makeprg and errorformat', vim.o.makeprg)
  -- a file that does not parse: scopecheck's own error is an entry
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('BROKEN')))
  vim.cmd('silent make')
  qf = vim.fn.getqflist()
  local err
  for _, e in ipairs(qf) do
    if e.valid == 1 and e.type == 'e' and e.lnum == 3 then err = e end
  end
  ok(err and vim.api.nvim_buf_get_name(err.bufnr) == os.getenv('BROKEN'),
     ':make on a file that does not parse: scopecheck\'s error at its line, not an empty list',
     vim.inspect(qf))
end
local fine, err = pcall(run)
ok(fine, 'the compiler plugin runs', err)
out:close()
vim.cmd('qa!')
