-- scopecheck in Neovim 0.7 and later: its language server (scopecheck
-- --lsp) for every C buffer, one server per project root (the directory of
-- compile_commands.json, else of .git, above the file).  Diagnostics come
-- as you type (the unsaved text is checked, with the whole program), and
-- fix-its are code actions (vim.lsp.buf.code_action()).
--
--   -- init.lua, with contrib/vim on 'runtimepath'
--   -- (vim.opt.rtp:append('/path/to/scopecheck/contrib/vim')):
--   require('scopecheck').setup()
--   -- or with flags for a project without compile_commands.json:
--   require('scopecheck').setup({ cmd = { 'scopecheck', '--lsp', '--', '-Iinclude' } })
--
-- Neovim 0.11 can do without this file (see the README's "Editors").
local M = {}

local clients = {}                -- 0.7: root -> client id

local function root_of(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local db = vim.fn.findfile('compile_commands.json', dir .. ';')
  if db ~= '' then
    return vim.fn.fnamemodify(db, ':p:h')
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then               -- ':p' ends a directory with '/'
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  git = vim.fn.findfile('.git', dir .. ';')     -- a worktree's .git file
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h')
  end
  return dir
end

function M.attach(bufnr, opts)
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' then
    return
  end
  local config = {
    name = 'scopecheck',
    cmd = opts.cmd or { 'scopecheck', '--lsp' },
    root_dir = root_of(file),
    init_options = opts.init_options,
  }
  if vim.lsp.start then           -- 0.8 and later: reuses a running server
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

function M.setup(opts)
  opts = opts or {}
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'c',
    group = vim.api.nvim_create_augroup('scopecheck', { clear = true }),
    callback = function(args) M.attach(args.buf, opts) end,
  })
end

return M
