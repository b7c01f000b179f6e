/* realworld: lda2vec_notebook_rerun (fixed: tf.reset_default_graph() before the model)
 *
 * Source: https://github.com/nateraw/Lda2vec-Tensorflow/issues/40
 *   ("ValueError: Variable topic_embedding already exists, disallowed. Did
 *   you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 *   Originally defined at:", labelled bug, open); code: lda2vec/Lda2vec.py,
 *   word_embedding.py, embedding_mixture.py at 583ff52 (2019-03-24)
 * TF raised (quoted from the report: "I get this error when
 *   pretrained_embeddings=None"):
 *   ---> 27           freqs=freqs)
 *   ~/Lda2vec-Tensorflow/lda2vec/Lda2vec.py in __init__(...)
 *        77             # Initialize the Topic-Document Mixture
 *   ---> 78             self.mixture = M.EmbedMixture(self.num_unique_documents, self.num_topics, self.embedding_size
 *   ValueError: Variable topic_embedding already exists, disallowed. ...
 * Original (trimmed):
 *   # Lda2vec.__init__ (restore=False)
 *   self.moving_avgs = tf.train.ExponentialMovingAverage(0.9)
 *   if isinstance(pretrained_embeddings, np.ndarray):
 *       W_in = tf.constant(pretrained_embeddings, name="word_embedding") if fixed_words else \
 *              tf.get_variable("word_embedding", shape=[self.vocab_size,self.embedding_size],
 *                              initializer=tf.constant_initializer(pretrained_embeddings))
 *   else:
 *       W_in = None
 *   self.w_embed = W.Word_Embedding(self.embedding_size, self.vocab_size, self.num_sampled,
 *                                   W_in=W_in, freqs=self.freqs, power=self.power)
 *   self.mixture = M.EmbedMixture(self.num_unique_documents, self.num_topics, self.embedding_size)
 *   handles = self._build_graph()
 *   # Word_Embedding.__init__
 *   self.embedding = tf.Variable(tf.random_uniform([vocab_size, embedding_size],-1.0, 1.0),
 *                                name="word_embedding") if W_in is None else W_in
 *   self.nce_weights = tf.Variable(tf.truncated_normal([vocab_size, embedding_size], ...), name="nce_weights")
 *   self.nce_biases = tf.Variable(tf.zeros([vocab_size]), name="nce_biases")
 *   # EmbedMixture.__init__
 *   self.doc_embedding = tf.Variable(tf.random_normal([n_documents, n_topics], ...),
 *                                    name='doc_embedding') if W_in is None else W_in
 *   self.topic_embedding = tf.get_variable('topic_embedding', shape=[n_topics, n_dim],
 *                                          dtype=tf.float32, initializer=tf.orthogonal_initializer(gain=scalar)) \
 *                          if factors_in is None else factors_in
 *   # the notebook cell, run a second time
 *   m = model(num_docs, vocab_size, num_topics=num_topics, restore=False,
 *             pretrained_embeddings=None, freqs=freqs)
 * Why: the model is built again in the notebook's graph.  Without
 *   pre-trained embeddings every variable before topic_embedding is a
 *   tf.Variable and is silently renamed, so the first get_variable is the
 *   one that fails (with them, "word_embedding" would fail first).
 * Fix: tf.reset_default_graph() before building the model again (the
 *   issue is open; the code is unchanged upstream).
 * Translation: the notebook's sizes are not in the report (num_docs 11314,
 *   vocab 7000, 20 topics, the 20-newsgroups example's scale); both
 *   branches of the pretrained test are kept, the run takes the report's.
 *   The random ops are stand-ins (tfops.h); _build_graph (placeholders,
 *   losses, the moving averages' apply, Adam) is left out: it comes after.
 */
#include "tfops.h"

typedef struct Lda2vec {
    int num_unique_documents, vocab_size, num_topics, embedding_size;
    vs_var *embedding, *nce_weights, *nce_biases, *doc_embedding, *topic_embedding;
} Lda2vec;

static void Word_Embedding_init(vs_graph *g, Lda2vec *m, vs_var *W_in)
{
    m->embedding = W_in ? W_in : vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(m->vocab_size, m->embedding_size)), .name = "word_embedding");
    m->nce_weights = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(m->vocab_size, m->embedding_size)), .name = "nce_weights");
    m->nce_biases = vs_variable(g, tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(m->vocab_size)), .name = "nce_biases");
}

static void EmbedMixture_init(vs_graph *g, Lda2vec *m, int n_documents, int n_topics, int n_dim)
{
    m->doc_embedding = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(n_documents, n_topics)), .name = "doc_embedding");
    m->topic_embedding = vs_get_variable(g, "topic_embedding", .shape = VS_SHAPE(n_topics, n_dim), .dtype = VS_FLOAT32);
}

static void Lda2vec_init(vs_graph *g, Lda2vec *m, bool pretrained_embeddings, bool fixed_words)
{
    vs_var *W_in = NULL;
    if (pretrained_embeddings && !fixed_words)
        W_in = vs_get_variable(g, "word_embedding", .shape = VS_SHAPE(m->vocab_size, m->embedding_size), .initializer = vs_init_constant(0.0));
    Word_Embedding_init(g, m, W_in);
    EmbedMixture_init(g, m, m->num_unique_documents, m->num_topics, m->embedding_size);
}

static void notebook_cell(vs_graph **default_graph)
{
    /* tf.reset_default_graph() */
    vs_graph_free(*default_graph);
    vs_graph *g = *default_graph = vs_graph_new();
    Lda2vec m = {.num_unique_documents = 11314, .vocab_size = 7000, .num_topics = 20, .embedding_size = 128};
    Lda2vec_init(g, &m, false, false);      /* pretrained_embeddings=None */
}

int main(void)
{
    vs_graph *g = vs_graph_new();   /* the notebook kernel's default graph */
    notebook_cell(&g);
    notebook_cell(&g);              /* the cell run again */
    vs_graph_free(g);
    return 0;
}
